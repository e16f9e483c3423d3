package rules

import "strings"

// columnsOfPeople reports whether the issue lists the columns or fields
// of a file and they name people's details: "Colonnes : nom, prénom,
// matricule", "Columns to map: …, contact name, contact mobile", or a
// list under "Colonnes à reprendre :". An import, an export or a
// migration written in another sentence of the issue ("Il faut les
// importer dans le nouvel outil") then moves those people's data, though
// its own sentence names none. personal says whether unit u holds a
// person's detail.
func columnsOfPeople(units []unitText, personal func(u int) bool) bool {
	for u := range units {
		if !personal(u) {
			continue
		}
		if columnsLead(units[u].text) {
			return true
		}
		// A list item: its lead-in is the paragraph before the list.
		j := u - 1
		for j > 0 && units[j].block != nil && units[j].block.kind == blockItem {
			j--
		}
		if j >= 1 && units[u].block != nil && units[u].block.kind == blockItem &&
			strings.HasSuffix(strings.TrimSpace(units[j].text), ":") && columnsLead(lastLine(units[j].text)) {
			return true
		}
	}
	return false
}

// columnsLead reports whether a text opens with the columns or fields
// of a file among its first words.
func columnsLead(text string) bool {
	ws := firstWords(text, 4)
	for i, w := range ws {
		if columnWords[w] {
			return true
		}
		// "one row per officer per site: staff number, name…", "une
		// ligne par famille : nom, adresse…": a table, one line a record.
		if rowWords[w] && i+1 < len(ws) && (ws[i+1] == "par" || ws[i+1] == "per") {
			return true
		}
	}
	return false
}

var columnWords = setOf(`colonne colonnes champs rubriques column columns fields cols`)

var rowWords = setOf(`ligne row line`)

// lastLine returns the last line of text.
func lastLine(text string) string {
	text = strings.TrimRight(text, "\n")
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		return text[i+1:]
	}
	return text
}
