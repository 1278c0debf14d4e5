-- Pandoc Lua filter for the Word writer. Divs with custom-style become Word paragraph styles
-- by themselves (styles in the reference document); this filter handles the structure that is
-- not a style: the red rule, page breaks, absent arguments and the end block's one line with
-- the issuer left and the date right. Text stays in pandoc Str nodes, escaped by the writer.

local function raw(xml) return pandoc.RawBlock("openxml", xml) end

local function has(div, class) return div.classes:includes(class) end

-- The parts of a line (filters run inside out: they are paragraphs by now, absent ones gone).
local function joined(div, style)
  local line = pandoc.List()
  for _, child in ipairs(div.content) do
    if child.t == "Para" or child.t == "Plain" then line:extend(child.content) end
  end
  return pandoc.Div({ pandoc.Para(line) }, { ["custom-style"] = style })
end

function Div(div)
  if has(div, "gw-none") then return {} end
  if has(div, "gw-red-rule") then
    return raw('<w:p><w:pPr><w:pStyle w:val="GWRedRule"/></w:pPr></w:p>')
  end
  if has(div, "gw-new-page") then
    return raw('<w:p><w:pPr><w:pStyle w:val="GWPlain"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>')
  end
  if has(div, "gw-end-block") then
    -- children: copy-to (or none), issuer, date; the issuer and the date share one line.
    local blocks = {}
    local parts = {}
    for _, child in ipairs(div.content) do
      if child.t == "Div" and child.attributes["custom-style"] == "GW End Printer" then
        table.insert(parts, child.content[1].content)
      elseif not (child.t == "Div" and child.classes:includes("gw-none")) then
        table.insert(blocks, child)
      end
    end
    local line = pandoc.List()
    for i, inlines in ipairs(parts) do
      if i > 1 then line:insert(pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>")) end
      line:extend(inlines)
    end
    table.insert(blocks, pandoc.Div({ pandoc.Para(line) }, { ["custom-style"] = "GW End Printer" }))
    return blocks
  end
  -- Parts printed on one line (Typst lays them out in a grid): one paragraph in Word.
  if has(div, "gw-attachment-note") then return joined(div, "GW Attachment Note") end
  if has(div, "gw-signer") then return joined(div, "GW Number") end
  -- Other gw- wrappers carry their Word style themselves, or are plain containers.
  if div.attributes["custom-style"] == nil then
    for _, class in ipairs(div.classes) do
      if class:match("^gw%-") then return div.content end
    end
  end
end

function Span(span)
  if span.classes:includes("gw-tab") then return pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>") end
end

-- Table cells in 4号 without the body's first-line indent.
function Table(tbl)
  local function restyle(cell)
    cell.contents = { pandoc.Div(cell.contents, { ["custom-style"] = "GW Table Text" }) }
    return cell
  end
  local function rows(list)
    for _, row in ipairs(list) do
      for i, cell in ipairs(row.cells) do row.cells[i] = restyle(cell) end
    end
  end
  rows(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do rows(body.body) end
  return tbl
end

-- Charts are SVG for Typst; Word gets the PNG the renderer rasterised beside each (render.py).
function Image(img)
  img.src = img.src:gsub("%.svg$", ".png")
  return img
end
