package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/internal/suggest"
)

// The configuration file, cochef.yaml: read as YAML nodes, so that each
// value and each unknown key is reported at its line.

// readFile reads the configuration file: the one named, else ./cochef.yaml
// when it exists.
func (r *resolver) readFile(path string, named source) {
	if path == "" {
		if _, err := os.Stat("cochef.yaml"); err != nil {
			return
		}
		path = "cochef.yaml"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		src := named
		if src.kind == fromDefault {
			src = source{kind: fromFile, name: path}
		}
		if errors.Is(err, fs.ErrNotExist) {
			r.add(src, "", fmt.Sprintf("fichier de configuration %s introuvable", path), fmt.Sprintf("configuration file %s not found", path))
		} else {
			r.add(src, "", fmt.Sprintf("lecture de %s impossible : %v", path, err), fmt.Sprintf("cannot read %s: %v", path, err))
		}
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		r.add(source{kind: fromFile, name: path, line: line}, "", "YAML invalide : "+msg, "invalid YAML: "+msg)
		return
	}
	if len(doc.Content) == 0 {
		return // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.add(source{kind: fromFile, name: path, line: root.Line}, "",
			"le fichier doit être une liste de clés « clé: valeur »", "the file must be a list of \"key: value\" keys")
		return
	}
	r.readMapping(path, root, "", map[string]int{})
}

// sections are the keys that hold other keys (github, gitlab, reviewers).
func sections() []string {
	var out []string
	for _, s := range settings {
		if sec, _, ok := strings.Cut(s.key, "."); ok && !slices.Contains(out, sec) {
			out = append(out, sec)
		}
	}
	return out
}

func (r *resolver) readMapping(path string, n *yaml.Node, prefix string, seen map[string]int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := prefix + k.Value
		src := source{kind: fromFile, name: path, line: k.Line}
		if line, dup := seen[key]; dup {
			r.add(src, key, fmt.Sprintf("déjà donnée à la ligne %d", line), fmt.Sprintf("already given on line %d", line))
			continue
		}
		seen[key] = k.Line
		if slices.Contains(sections(), key) {
			if v.Kind != yaml.MappingNode {
				r.add(src, key, "des clés sont attendues en dessous : "+subKeys(key), "keys are expected under it: "+subKeys(key))
				continue
			}
			r.readMapping(path, v, key+".", seen)
			continue
		}
		s, ok := lookupSetting(key)
		if !ok {
			r.unknownKey(src, key)
			continue
		}
		raw, ok := scalarValue(v, s.list)
		if !ok {
			r.add(src, key, "une seule valeur est attendue ici, pas "+describeNode(v, "fr"), "one value is expected here, not "+describeNode(v, "en"))
			r.failed[key] = true
			continue
		}
		r.set(s, raw, src)
	}
}

// subKeys lists the keys of a section, as its error shows them.
func subKeys(section string) string {
	var keys []string
	for _, s := range settings {
		if k, ok := strings.CutPrefix(s.key, section+"."); ok {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

func lookupSetting(key string) (setting, bool) {
	for _, s := range settings {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

// scalarValue is the text of a value node; a list setting also takes a
// YAML list, joined as its comma-separated form.
func scalarValue(v *yaml.Node, list bool) (string, bool) {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return "", true
	case v.Kind == yaml.ScalarNode:
		return v.Value, true
	case v.Kind == yaml.SequenceNode && list:
		parts := make([]string, 0, len(v.Content))
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				return "", false
			}
			parts = append(parts, item.Value)
		}
		return strings.Join(parts, ","), true
	}
	return "", false
}

func describeNode(n *yaml.Node, lang string) string {
	switch {
	case n.Kind == yaml.SequenceNode && lang == "fr":
		return "une liste"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case lang == "fr":
		return "des clés"
	}
	return "keys"
}

// meant are names other programs use for a setting of cochef's, which no
// spelling distance would find.
var meant = map[string]string{
	"port": "listen", "addr": "listen", "address": "listen", "bind": "listen", "host": "listen",
	"db": "database", "dsn": "database", "database_url": "database", "db_url": "database",
	"language": "lang", "locale": "lang",
}

// nearestKey is the setting someone probably meant by key.
func nearestKey(key string) (string, bool) {
	if k, ok := meant[strings.ToLower(key)]; ok {
		return k, true
	}
	known := sections()
	for _, s := range settings {
		known = append(known, s.key)
	}
	return suggest.Nearest(key, known)
}

func (r *resolver) unknownKey(src source, key string) {
	if near, ok := nearestKey(key); ok {
		r.add(src, key, fmt.Sprintf("clé inconnue ; vouliez-vous dire %s ?", near), fmt.Sprintf("unknown key; did you mean %s?", near))
		return
	}
	r.add(src, key, "clé inconnue ; les clés possibles sont dans le tableau Configuration du README",
		"unknown key; the known keys are in the README's Configuration table")
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlErrorLine(err error) (int, string) {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(err.Error(), "yaml: ")
}
