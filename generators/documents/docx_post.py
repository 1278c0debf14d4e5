"""Placeholder, replaced below."""
def finish_docx(data, doc, fonts, epoch):
    return data
