## the ballot session pages (meeting-): interface text, not ballot messages
