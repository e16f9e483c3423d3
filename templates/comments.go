package templates

import "embed"

// Comments holds the Markdown templates of what cochef writes, one file
// per language and subject, each defining the same named templates: on
// issues (comments/fr.md.tmpl, comments/en.md.tmpl) and for the recette of
// pull and merge requests (comments/recette.fr.md.tmpl,
// comments/recette.en.md.tmpl: checklist, replies, statuses, procès-verbal).
// Package core renders them.
//
//go:embed comments/*.md.tmpl
var Comments embed.FS
