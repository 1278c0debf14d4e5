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

-- gw-keep: its blocks (our own calls among them) written inside one gw-keep(...) call.
local function keep(div)
  local blocks = {}
  for _, child in ipairs(div.content) do
    table.insert(blocks, child.t == "Div" and (Div(child) or child) or child)
  end
  local written = pandoc.write(pandoc.Pandoc(blocks), "typst")
  return pandoc.RawBlock("typst", "#gw-keep[\n" .. written:gsub("%s+$", "") .. "\n]\n")
end

function Div(div)
  if div.classes:includes("gw-keep") then return keep(div) end
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

-- Tables laid out by generators/documents/tables.py: the columns from the gw-columns attribute
-- (each a share of the block, as in Word), the header row repeated on every page, rows
-- kept on one page (gbt9704.typ) unless marked gw-breakable. Cells are written by pandoc's own
-- Typst writer, so their text stays escaped.
local function cell_content(cell)
  local written = pandoc.write(pandoc.Pandoc(cell.contents), "typst")
  return "[" .. written:gsub("%s+$", "") .. "]"
end

local function typst_row(row, aligns)
  local cells = {}
  local breakable = row.attr.classes:includes("gw-breakable")
  for i, cell in ipairs(row.cells) do
    local args = { "align: " .. aligns[i] }
    if breakable then table.insert(args, "breakable: true") end
    table.insert(cells, "table.cell(" .. table.concat(args, ", ") .. ")" .. cell_content(cell))
  end
  return table.concat(cells, ", ")
end

function Table(tbl)
  local spec = tbl.attr.attributes["gw-columns"]
  if not spec then return nil end
  local columns, aligns, centred = {}, {}, {}
  for column in spec:gmatch("[^,]+") do table.insert(columns, column) end
  for i, colspec in ipairs(tbl.colspecs) do
    aligns[i] = (colspec[1] == "AlignCenter" and "center" or "left") .. " + horizon"
    centred[i] = "center + horizon"
  end
  local size = tbl.attr.attributes["gw-size"] or "14pt"
  if not size:match("^%d+pt$") then size = "14pt" end
  local parts = { "#gw-table(size: " .. size .. ", columns: (" .. table.concat(columns, ", ") .. ",)" }
  for _, row in ipairs(tbl.head.rows) do
    table.insert(parts, "table.header(" .. typst_row(row, centred) .. ")")
  end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do table.insert(parts, typst_row(row, aligns)) end
  end
  return pandoc.RawBlock("typst", table.concat(parts, ",\n") .. ")\n")
end

-- Punctuation keeps its whole cell of the grid (GB/T 9704: 28 characters a line, punctuation
-- included). At a line start Typst trims the blank half of an opening bracket, and at a line end
-- that of a closing mark, so the bracket would hang half a character outside the type block and a
-- line could take half a character more. A word joiner (U+2060) before an opening bracket (after a
-- zero-width space, so the line may still break there) and a zero-width space after a closing mark
-- leave no bracket first and no mark last in the line's text: nothing is trimmed. Both are
-- invisible and take no width; the line breaks where it did.
local OPENING = { ["（"] = true, ["《"] = true, ["「"] = true, ["『"] = true, ["“"] = true, ["‘"] = true,
  ["〔"] = true, ["【"] = true }
local CLOSING = { ["，"] = true, ["。"] = true, ["、"] = true, ["；"] = true, ["："] = true, ["？"] = true,
  ["！"] = true, ["）"] = true, ["》"] = true, ["」"] = true, ["』"] = true, ["”"] = true, ["’"] = true,
  ["〕"] = true, ["】"] = true }
local ZWSP, WJ = utf8.char(0x200B), utf8.char(0x2060)

function Str(str)
  local chars = {}
  for _, code in utf8.codes(str.text) do table.insert(chars, utf8.char(code)) end
  local out, changed = {}, false
  for i, ch in ipairs(chars) do
    local before = chars[i - 1]
    if OPENING[ch] and not OPENING[before or ""] then
      -- After another opening mark no break is allowed anyway (“《 stay together).
      table.insert(out, (i > 1 and not CLOSING[before] and ZWSP or "") .. WJ)
      changed = true
    end
    table.insert(out, ch)
    local after = chars[i + 1]
    -- Not before another closing mark: a break there would start a line with it.
    if CLOSING[ch] and not CLOSING[after or ""] then
      table.insert(out, ZWSP)
      changed = true
    end
  end
  if changed then return pandoc.Str(table.concat(out)) end
end
