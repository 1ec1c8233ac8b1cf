"""Excel workbooks: the nine 部门决算表 imported from a clerk\x27s workbook, and written as a 公开表 workbook."""
