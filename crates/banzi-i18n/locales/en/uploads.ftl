# Uploads and bodies: limits, photos, workbook parts, what a parser refused. Ids start with up-.

## The workbook's parts (banzi-io)

up-xml-doctype = The part “{ $part }” of the workbook declares a document type (DOCTYPE), which a file saved by Excel never does; it is refused for safety. Open the file in Excel, save it as .xlsx and import again
up-xml-broken = The part “{ $part }” of the workbook cannot be unpacked or is damaged; open the file in Excel, save it as .xlsx and import again
up-shared-strings-too-large = The shared strings of the workbook (“{ $part }”) would take more than { $max } MB of memory once unpacked, so the file is refused; split the roster into smaller workbooks and import them one by one
up-workbook-xml-broken = The XML inside the workbook is damaged and cannot be read; open the file in Excel, save it as .xlsx and import again
up-workbook-zip-broken = The compressed data of the workbook is damaged and cannot be read; export or save the file again and import again
up-workbook-unreadable = The workbook cannot be read; open it in Excel, save it as .xlsx and import again
up-sheet-xml-broken = The XML of this sheet is damaged and cannot be read; open the file in Excel, save it as .xlsx and import again

## Requests and uploads (banzi-web)

up-request_malformed = This request could not be understood (the address or what was sent is not in the expected form). Go back and use the links and buttons of the page again.
up-body_too_large = What was sent is too large; nothing was saved.
up-photo_too_large = The chosen photo is over 2 MB and was not uploaded; make it smaller and upload it again.
up-workbook_too_large = The chosen file is over 200 MB and was not uploaded; split the roster into smaller workbooks and import them one by one.
up-photo-not-image = The photo must be a complete JPEG or PNG image (the file's content does not match an image format, or it is damaged); save it as JPEG with an image viewer and upload it again
