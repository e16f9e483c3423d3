package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// What cochef stores comes from issues, comments and headers that anyone
// writes, and PostgreSQL refuses some of it: a NUL in text (22021) or as
// \u0000 in jsonb (22P05), bytes that are not UTF-8 (22021). One such
// character used to fail every save of an evaluation, and a NUL in a
// GitLab title the intake of every delivery. The store therefore keeps
// text as the databases can hold it, the same way on SQLite and
// PostgreSQL: each NUL and each byte that is not UTF-8 becomes U+FFFD
// (what encoding/json already does with invalid bytes, so text and JSON
// columns agree). Nothing is lost that a reader could have used.

// storable is s as both databases keep it.
func storable(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// storableJSON is JSON from encoding/json with its \u0000 escapes turned
// into \ufffd: encoding/json has already replaced invalid bytes.
func storableJSON(b []byte) []byte {
	const nul = `\u0000`
	if !bytes.Contains(b, []byte(nul)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		// Every backslash in JSON starts an escape: copy it whole, so
		// an escaped backslash followed by "u0000" stays text.
		if bytes.HasPrefix(b[i:], []byte(nul)) {
			out = append(out, `\ufffd`...)
			i += len(nul) - 1
			continue
		}
		out = append(out, b[i], b[i+1])
		i++
	}
	return out
}

// marshalStorable is json.Marshal whose result both databases accept.
func marshalStorable(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(storableJSON(b)), nil
}

// maxKeyBytes bounds a value a sender chose that is part of a primary key
// (a delivery id, a closing reference's repository): a PostgreSQL index
// entry holds at most about 2.7 kB.
const maxKeyBytes = 512

// keyText is a sender-chosen key as it is stored and looked up: storable,
// and beyond maxKeyBytes its SHA-256, which keeps equal keys equal.
func keyText(s string) string {
	s = storable(s)
	if len(s) <= maxKeyBytes {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// storableArgs is a job's arguments with storable strings: River writes
// them to jsonb. Arguments are small; the round trip runs only when their
// JSON holds a NUL or a replacement character.
func storableArgs(a jobArgs) (jobArgs, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(b, []byte(`\u0000`)) && !bytes.ContainsRune(b, utf8.RuneError) {
		return a, nil
	}
	clean := reflect.New(reflect.TypeOf(a))
	if err := json.Unmarshal(storableJSON(b), clean.Interface()); err != nil {
		return nil, fmt.Errorf("job arguments: %w", err)
	}
	out, ok := clean.Elem().Interface().(jobArgs)
	if !ok {
		return nil, fmt.Errorf("job arguments of %T", a)
	}
	return out, nil
}
