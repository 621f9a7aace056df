# Messages of the roster workbook: where an error is, the checks across rows and sheets,
# the reader's refusals and notices. Sheets and columns ($sheet, $column, $header) are named
# as the workbook writes them, in Chinese whatever the language, so the user finds them.

## Where

roster-at-sheet = Sheet “{ $sheet }”: { $message }
roster-at-row = Sheet “{ $sheet }”, row { $row }: { $message }
roster-at-cell = Sheet “{ $sheet }”, row { $row }, column “{ $column }”: { $message }
roster-errors-more =
    { $count ->
        [one] { $count } more error is not listed
       *[other] { $count } more errors are not listed
    }; correct the ones above and import again

## Across rows and sheets

roster-unit-code-repeated = Unit code “{ $code }” repeats row { $first }
roster-post-code-repeated = Post code “{ $code }” repeats row { $first }
roster-id-number-repeated = The ID number repeats row { $first }
roster-parent-cycle = The parent units form a cycle
roster-not-in-cadres = No cadre with this ID number in the sheet “干部” (Cadre)

## Sheets, headers and cells

roster-sheet-missing = Sheet “{ $sheet }” is missing
roster-sheet-ignored = Not a roster sheet; ignored
roster-sheet-unknown = Internal error: unknown sheet
roster-internal = Internal error; please tell the system administrator
roster-header-missing = Header “{ $header }” is missing (row 1 must hold the headers)
roster-header-repeated = Header “{ $header }” appears twice
roster-columns-ignored = These columns are not in the standard template and were ignored: { $columns }
roster-cell-formula = The cell holds a formula; copy it and use “Paste Special → Values” before importing
roster-cell-error = The cell holds the error value { $value }; correct it and import again
roster-date-number = The date cell holds the number { $value }, which cannot tell the month (Excel stores 1975.10 as the number 1975.1); format the column as text and write YYYY.MM or YYYY-MM-DD
roster-id-not-text = Format ID numbers as text (as numbers Excel keeps only 15 digits); set the column to text and fill it in again
roster-rows-out-of-order = The rows of the sheet are out of order; save the file again in Excel and import again
roster-header-cells-repeated = The sheet is malformed (a header cell appears twice); save the file again in Excel and import again
roster-sheet-too-big =
    The sheet is too large ({ $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } × { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    }; at most { $max_rows } rows and { $max_columns } columns); delete the extra rows and columns and import again
roster-sheet-read-failed = The sheet could not be read (the file may be damaged); open it in Excel, save it as .xlsx and import again
roster-sheet-unreadable = Cannot read this sheet (the file may be damaged); open it in Excel, save it as .xlsx and import again

## The file

roster-not-xlsx = The file is not a valid .xlsx workbook
roster-not-xlsx-compression = The file is not a valid .xlsx workbook (unsupported compression)
roster-not-xlsx-ole = The file is not a valid .xlsx workbook (perhaps an old .xls, or a file with an opening password); remove the password in Excel, save as .xlsx and import again
roster-encrypted = The workbook is encrypted; remove its password and import again
roster-file-too-large = The file is too large ({ $size } MB); { $max } MB at most
roster-inflated-too-large = The file unpacks to more than { $max } MB, like a zip bomb; refused
roster-ratio = Part of the file is compressed abnormally ({ $ratio }:1, at most { $max }:1), like a zip bomb; refused
roster-too-many-entries = The file has { $count } internal entries, more than the limit of { $max }; not a roster workbook
roster-cancelled = The import was cancelled

## The upload

roster-upload-interrupted = The upload was interrupted or the file is too large (200 MB at most)
roster-choose-file = Choose an .xlsx file to import
