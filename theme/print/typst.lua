-- Pandoc Lua filter for the Typst writer: Divs of class gw-NAME become calls of the
-- template's function gw-NAME (theme/print/gbt9704.typ), one content argument per child.
-- The children are written by pandoc's own Typst writer, so their text stays escaped.

local function arg(block)
  if block.t == "Div" and block.classes:includes("gw-none") then
    return "none"
  end
  local inner = block
  if block.t == "Para" then inner = pandoc.Plain(block.content) end
  local written = pandoc.write(pandoc.Pandoc({ inner }), "typst")
  return "[" .. written:gsub("%s+$", "") .. "]"
end

function Div(div)
  for _, class in ipairs(div.classes) do
    local name = class:match("^gw%-(.+)$")
    if name and name ~= "none" then
      local args = {}
      for _, child in ipairs(div.content) do table.insert(args, arg(child)) end
      -- The blank line after the call ends the paragraph: the next block never joins it.
      return pandoc.RawBlock("typst", "#gw-" .. name .. "(" .. table.concat(args, ", ") .. ")\n")
    end
  end
end

-- A tab between two parts of a line (the end block's issuer and date) is a flexible space.
function Span(span)
  if span.classes:includes("gw-tab") then return pandoc.RawInline("typst", "#h(1fr)") end
end
