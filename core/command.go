package core

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The "/cochef" command grammar, read the same way on issues, pull requests
// and merge requests, on both platforms: the first non-blank line of a new
// comment is "/cochef", one space, a verb, then the verb's arguments.
//
//	/cochef check                  evaluate again (issue) or render again (PR/MR)
//	/cochef valide 2 5             validate items 2 and 5 ("2,5", "2-4", "tout")
//	/cochef refuse 3 <reason>      refuse item 3, saying why
//
// English verbs (validate, accept, reject, all) are accepted too.

// Command verbs.
const (
	VerbCheck    = "check"
	VerbValidate = "validate"
	VerbRefuse   = "refuse"
)

// Command is a parsed "/cochef" command.
type Command struct {
	Verb string `json:"verb"`
	// All is "tout"/"all": every item of the checklist.
	All   bool  `json:"all,omitempty"`
	Items []int `json:"items,omitempty"`
	// Reason is a refusal's reason (user text).
	Reason string `json:"reason,omitempty"`
}

var commandVerbs = map[string]string{
	"valide": VerbValidate, "valider": VerbValidate, "validé": VerbValidate,
	"validate": VerbValidate, "accept": VerbValidate, "accepte": VerbValidate,
	"accepter": VerbValidate, "approve": VerbValidate,
	"refuse": VerbRefuse, "refuser": VerbRefuse, "refusé": VerbRefuse, "reject": VerbRefuse,
	"check": VerbCheck,
}

const commandPrefix = "/cochef "

// maxReason bounds a refusal's reason kept in the trail.
const maxReason = 500

// maxItemNumber bounds the item numbers a command may name: no checklist
// is longer (a PR/MR follows at most 20 stories), and a comment full of
// huge ranges must not cost more than reading it.
const maxItemNumber = 1000

// ParseCommand reads the command a comment starts with. It reports false
// when the comment's first non-blank line is not a "/cochef" command with
// a known verb: a quote, a longer word ("/cochef checklist") or text before
// the command are not commands. A command with bad arguments parses with no
// items, so that its author can be told.
//
// "check" takes no argument: whatever follows it after an ordinary space
// is the comment going on ("/cochef check merci"); glued to it by another
// character (a no-break space, a letter) it is not the command. The other
// verbs' arguments are separated by any space, the no-break space a French
// keyboard types before a colon included.
func ParseCommand(body string) (Command, bool) {
	body = strings.TrimLeft(body, " \t\r\n")
	line, _, _ := strings.Cut(body, "\n")
	line = strings.TrimRight(line, " \t\r")
	if len(line) <= len(commandPrefix) || !strings.EqualFold(line[:len(commandPrefix)], commandPrefix) {
		return Command{}, false
	}
	line = line[len(commandPrefix):]
	if line == "" || unicode.IsSpace([]rune(line)[0]) {
		return Command{}, false
	}
	fields := strings.Fields(line)
	verb, ok := commandVerbs[strings.ToLower(fields[0])]
	if !ok {
		return Command{}, false
	}
	c := Command{Verb: verb}
	if verb == VerbCheck {
		after := line[len(fields[0]):]
		if after != "" && after[0] != ' ' && after[0] != '\t' {
			return Command{}, false
		}
		return c, true
	}
	i := 1
	for ; i < len(fields); i++ {
		f := strings.ToLower(strings.Trim(fields[i], ","))
		// "refuse 3: reason": the colon ends the numbers.
		last := strings.HasSuffix(f, ":")
		f = strings.TrimSuffix(f, ":")
		if f == "tout" || f == "tous" || f == "all" {
			c.All = true
		} else if nums, ok := parseNumbers(f); ok {
			c.Items = append(c.Items, nums...)
		} else {
			break
		}
		if last {
			i++
			break
		}
	}
	if verb == VerbRefuse {
		c.Reason = reasonAfter(line, fields[:i])
	}
	slices.Sort(c.Items)
	c.Items = slices.Compact(c.Items)
	return c, true
}

// reasonAfter is the rest of line as written after the fields already
// read (the verb and the numbers), without the separators before it.
func reasonAfter(line string, read []string) string {
	rest := line
	for _, f := range read {
		// strings.Fields split on any Unicode space (a no-break space
		// typed before a colon included): skip the same ones.
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		rest = rest[len(f):]
	}
	rest = strings.TrimSpace(strings.TrimLeftFunc(rest, func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(":—-", c)
	}))
	if len([]rune(rest)) > maxReason {
		rest = string([]rune(rest)[:maxReason]) + "…"
	}
	return rest
}

// parseNumbers reads "2", "2,5" or "2-4".
func parseNumbers(f string) ([]int, bool) {
	var out []int
	for part := range strings.SplitSeq(f, ",") {
		if part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(lo)
		if err != nil || a <= 0 || a > maxItemNumber {
			return nil, false
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a || b > maxItemNumber {
				return nil, false
			}
		}
		for n := a; n <= b; n++ {
			out = append(out, n)
		}
	}
	return out, len(out) > 0
}
