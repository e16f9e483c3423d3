package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/cochef/cochef/rules"
)

// notUTF8 explains a story file that is not UTF-8 and says how to convert
// it: files written on Windows or exported by older tools are often in
// Latin-1 (ISO 8859-1) or its Windows variant, and a team meets them in
// its first week.
func notUTF8(arg string, data []byte, lang rules.Lang) error {
	name := displayName(arg)
	if bytes.IndexByte(data, 0) >= 0 && !isUTF16(data) {
		return usageErrL(lang, "%s : ce n'est pas du texte UTF-8 (octets nuls : un fichier binaire ?)",
			"%s: this is not UTF-8 text (zero bytes: a binary file?)", name)
	}
	line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
	fr, en := convertHint(data, arg)
	return usageErr("%s", say(lang,
		fmt.Sprintf("%s : le fichier n'est pas du texte UTF-8 (ligne %d) ; %s", name, line, fr),
		fmt.Sprintf("%s: the file is not UTF-8 text (line %d); %s", name, line, en)))
}

// convertHint names the probable encoding of data and the command that
// converts file to UTF-8.
func convertHint(data []byte, file string) (fr, en string) {
	from, frName, enName := "latin1", "sans doute en Latin-1", "probably Latin-1"
	switch {
	case isUTF16(data):
		from, frName, enName = "utf-16", "en UTF-16", "UTF-16"
	case hasC1(data):
		// 0x80–0x9F are typographic quotes and dashes in Windows-1252 and
		// invisible control characters in Latin-1: converting from
		// Latin-1 would keep them as garbage.
		from, frName, enName = "windows-1252", "sans doute en Windows-1252 (le Latin-1 de Windows)", "probably Windows-1252 (Windows' Latin-1)"
	}
	if file == "-" {
		cmd := "iconv -f " + from + " -t utf-8 FICHIER | cochef check -"
		return fmt.Sprintf("il est %s : convertissez-le avec %s", frName, cmd),
			fmt.Sprintf("it is %s: convert it with %s", enName, strings.Replace(cmd, "FICHIER", "FILE", 1))
	}
	ext := filepath.Ext(file)
	out := strings.TrimSuffix(file, ext) + ".utf8" + ext
	cmd := fmt.Sprintf("iconv -f %s -t utf-8 %s > %s", from, shellQuote(file), shellQuote(out))
	return fmt.Sprintf("il est %s : convertissez-le avec %s", frName, cmd),
		fmt.Sprintf("it is %s: convert it with %s", enName, cmd)
}

func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// hasC1 reports bytes 0x80–0x9F, which Latin-1 reserves for control
// characters nobody types.
func hasC1(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 && b <= 0x9f {
			return true
		}
	}
	return false
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// shellQuote quotes a file name for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./+,:@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
