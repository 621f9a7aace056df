# Uploads and bodies: limits, photos, workbook parts, what a parser refused. Ids start with up-.
