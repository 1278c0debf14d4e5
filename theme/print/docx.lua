-- Pandoc Lua filter for the Word writer. Divs with custom-style become Word paragraph styles
-- by themselves (styles in the reference document); this filter handles the structure that is
-- not a style: the red rule, page breaks, absent arguments and the end block's one line with
-- the issuer left and the date right. Text stays in pandoc Str nodes, escaped by the writer.

local function raw(xml) return pandoc.RawBlock("openxml", xml) end

local function has(div, class) return div.classes:includes(class) end

-- 附件说明 (GB/T 9704 7.3.4): one blank line below the text (an empty paragraph before the first
-- note only), two characters in; several are numbered, the numbers under one another after
-- "附件：" and the names aligned (tab stops of the style), a long name wrapping under its first
-- character (hanging indent).
local BLANK_LINE = '<w:p><w:pPr><w:pStyle w:val="GWPlain"/></w:pPr></w:p>'
local function attachment_note(div)
  local parts = pandoc.List()
  for _, child in ipairs(div.content) do
    if child.t == "Para" or child.t == "Plain" then parts:insert(child.content) end
  end
  local first = div.attributes["gw-first"] == "true"
  local several = div.attributes["gw-several"] == "true"
  local tab = pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>")
  local line = pandoc.List()
  if first then line:extend(table.remove(parts, 1)) elseif several then line:insert(tab) end
  if several then
    line:extend(table.remove(parts, 1))
    line:insert(tab)
  end
  for _, inlines in ipairs(parts) do line:extend(inlines) end
  local style = several and "GW Attachment Notes" or "GW Attachment Note"
  local note = pandoc.Div({ pandoc.Para(line) }, { ["custom-style"] = style })
  if first then return { raw(BLANK_LINE), note } end
  return note
end

-- 发文字号 left and 签发人 right on one line (the style's indents and right tab stop); without a
-- number (an absent argument, gone by now) the 签发人 alone at the right.
local function signer(div)
  local parts = pandoc.List()
  for _, child in ipairs(div.content) do
    if child.t == "Para" or child.t == "Plain" then parts:insert(child.content) end
  end
  local line = pandoc.List()
  if #parts == 3 then line:extend(table.remove(parts, 1)) end
  line:insert(pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>"))
  for _, inlines in ipairs(parts) do line:extend(inlines) end
  return pandoc.Div({ pandoc.Para(line) }, { ["custom-style"] = "GW Signer" })
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
  if has(div, "gw-attachment-note") then return attachment_note(div) end
  if has(div, "gw-signer") then return signer(div) end
  -- Blocks kept on one page (the text's last lines and the signature): docx_post.py marks the
  -- paragraphs between these markers "keep with next".
  if has(div, "gw-keep") then
    local blocks = pandoc.List({ raw("<!--gw-keep-->") })
    blocks:extend(div.content)
    blocks:insert(raw("<!--/gw-keep-->"))
    return blocks
  end
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

-- Table cells without the body's first-line indent, in the table's size (gw-size, chosen by
-- generators/documents/tables.py as for the PDF): 4号, or 小四 for wide lists and tables whose
-- text would be squeezed in 4号. Plain blocks become paragraphs: pandoc gives a Plain in a cell
-- its Compact style whatever Div it is in.
local CELL_STYLES = { ["14pt"] = "GW Table Text", ["12pt"] = "GW Table Text Small" }

function Table(tbl)
  local style = CELL_STYLES[tbl.attr.attributes["gw-size"] or "14pt"] or "GW Table Text"
  local function restyle(cell)
    local blocks = pandoc.List()
    for _, block in ipairs(cell.contents) do
      blocks:insert(block.t == "Plain" and pandoc.Para(block.content) or block)
    end
    cell.contents = { pandoc.Div(blocks, { ["custom-style"] = style }) }
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
