package templates

import "embed"

// Comments holds the Markdown templates of what cochef writes on issues,
// one file per language (comments/fr.md.tmpl, comments/en.md.tmpl), each
// defining the same named templates. Package core renders them.
//
//go:embed comments/*.md.tmpl
var Comments embed.FS
