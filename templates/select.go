package templates

import (
	"slices"
	"strings"

	"github.com/cochef/cochef/rules"
)

// Choosing the template of an issue: by its labels, its title's prefix,
// or the form it is written in.

// Select returns the first template, in List order, one of whose labels
// matches one of labels, else the default template. Matching ignores case,
// accents and punctuation, and a scoped label such as "type: bug" or
// "kind/bug" also matches by its last part.
func (s *Set) Select(labels []string) *rules.Template {
	return s.SelectFor(rules.Input{Labels: labels})
}

// SelectFor is Select for a whole issue. A team's first issues are seldom
// labelled, and a bug report or meeting notes read as a story get told to
// write "En tant que <profil>…": noise on an issue that is right as it is.
// So when no label selects a template:
//   - a title that opens with one of a template's labels, as a prefix
//     ("Bug : le bouton…", "[Technique] Monter…", "Dette technique - …"),
//     selects it;
//   - else, when no story sentence can be read, an issue written in
//     another template's form selects it: its title opens with one of the
//     template's title words ("Réunion avec…", "Revue de sprint 4",
//     "Sprint 4 review"), or asks a question and the template takes
//     questions ("Combien de temps garde-t-on les dossiers ?"), or its
//     headings name at least two sections the default template does not
//     have ("Étapes pour reproduire", "Comportement attendu";
//     "Participants", "Décisions").
func (s *Set) SelectFor(in rules.Input) *rules.Template {
	if t := s.byLabels(in.Labels); t != nil {
		return t
	}
	if t := s.byTitle(in.Title); t != nil {
		return t
	}
	if t := s.byForm(in); t != nil {
		return t
	}
	return s.Default()
}

// minFormSections is how many of a template's own sections a body must
// name to be read as written in its form: one heading ("Attendu :",
// "Actions :") is common in a story; two of a bug report's are not.
const minFormSections = 2

// byForm returns the first template, not the default one, whose form the
// issue is written in, or nil. A story sentence with its need keeps the
// default: a story with a "Comportement attendu" part is still a story.
func (s *Set) byForm(in rules.Input) *rules.Template {
	def := s.Default()
	if def == nil {
		return nil
	}
	in.Labels = nil
	if rules.ShapeOf(in, def).Sentence {
		return nil
	}
	title := Normalize(in.Title)
	// "Sprint 3 review" opens with "sprint review": a number names which.
	bare := withoutNumbers(title)
	// The longest title word wins: "Compte rendu des entretiens avec
	// des exploitants" is user research, though it opens with the notes'
	// "compte rendu" too.
	var best *rules.Template
	longest := 0
	for i, t := range s.list {
		if t == def {
			continue
		}
		for _, n := range s.titleWords[i] {
			if len(n) > longest && (opensWith(title, n) || bare != title && opensWith(bare, n)) {
				best, longest = t, len(n)
			}
		}
	}
	if best != nil {
		return best
	}
	if strings.HasSuffix(strings.TrimSpace(in.Title), "?") {
		for _, t := range s.list {
			if t != def && t.TitleQuestion {
				return t
			}
		}
	}
	if strings.TrimSpace(in.Body) == "" {
		return nil
	}
	own := map[string]bool{}
	for _, sec := range def.Sections {
		own[sec.ID] = true
	}
	for _, t := range s.list {
		if t == def {
			continue
		}
		n := 0
		for _, id := range rules.ShapeOf(in, t).Sections {
			if !own[id] {
				n++
			}
		}
		if n >= minFormSections {
			return t
		}
	}
	return nil
}

// opensWith reports whether title opens with the words of w, as whole
// words.
func opensWith(title, w string) bool {
	rest, ok := strings.CutPrefix(title, w)
	return ok && w != "" && (rest == "" || rest[0] == ' ')
}

// withoutNumbers drops the words made of digits from a normalized title.
func withoutNumbers(title string) string {
	if !strings.ContainsAny(title, "0123456789") {
		return title
	}
	ws := strings.Fields(title)
	kept := ws[:0]
	for _, w := range ws {
		if strings.Trim(w, "0123456789") != "" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// byTitle returns the first template, not the default one, whose label
// is the title's prefix: the words before its first ":" or dash, or
// inside a leading "[…]". A prefix of several words also matches by its
// first word ("Bug du calendrier : …", "Tech task: …").
func (s *Set) byTitle(title string) *rules.Template {
	prefix := titlePrefix(title)
	if prefix == "" {
		return nil
	}
	whole := Normalize(prefix)
	first, _, _ := strings.Cut(whole, " ")
	// The whole prefix first, a label or a title word of any template
	// ("Notes de recherche : …" is user research), then its first word
	// ("Notes du 3 mars : …" are notes).
	var byFirst *rules.Template
	for i, t := range s.list {
		if t.Default {
			continue
		}
		for _, l := range s.labels[i] {
			switch l {
			case whole:
				return t
			case first:
				if byFirst == nil {
					byFirst = t
				}
			}
		}
		if slices.Contains(s.titleWords[i], whole) {
			return t
		}
	}
	return byFirst
}

// titlePrefix returns what a title opens with before its subject: "Bug"
// in "Bug : …", "Bug: …", "[Bug] …", "Bug - …", "Bug — …"; "" when it
// has none.
func titlePrefix(title string) string {
	title = strings.TrimSpace(title)
	if rest, ok := strings.CutPrefix(title, "["); ok {
		if p, _, ok := strings.Cut(rest, "]"); ok {
			return p
		}
		return ""
	}
	end := len(title)
	for _, sep := range []string{":", " - ", " – ", " — "} {
		if i := strings.Index(title, sep); i >= 0 && i < end {
			end = i
		}
	}
	if end == len(title) || len(strings.Fields(title[:end])) > 3 {
		return "" // no prefix, or a sentence with a colon in it
	}
	return title[:end]
}

// byLabels returns the first template one of whose labels is in labels,
// or nil.
func (s *Set) byLabels(labels []string) *rules.Template {
	wanted := map[string]bool{}
	for _, l := range labels {
		wanted[Normalize(l)] = true
		if i := strings.LastIndexAny(l, ":/"); i >= 0 {
			wanted[Normalize(l[i+1:])] = true
		}
	}
	delete(wanted, "")
	for i, t := range s.list {
		for _, l := range s.labels[i] {
			if wanted[l] {
				return t
			}
		}
	}
	return nil
}
