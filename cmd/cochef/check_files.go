package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/rules"
)

// fileResult is one line of the JSON Lines of several files: the file,
// then the result as one file gives it.
type fileResult struct {
	File string `json:"file"`
	rules.Result
}

// checkFiles checks several files and folders, one result each. A file
// that cannot be read is reported and the others are still checked; the
// exit code is the worst: 2 for an unreadable file, else 1 for a story
// that is not ready.
func checkFiles(cmd *cobra.Command, args []string, o checkOptions, lang rules.Lang, tmpl func(rules.Input) *rules.Template) error {
	ui := uiLang(lang)
	out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
	files, code := expandArgs(errOut, args, ui)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var p *printer
	ready, checked, unread := 0, 0, 0
	for _, f := range files {
		res, err := checkFile(cmd.InOrStdin(), f, o, lang, tmpl)
		if err != nil {
			fmt.Fprintln(errOut, "cochef:", err)
			code = 2
			unread++
			continue
		}
		checked++
		if res.Ready {
			ready++
		} else {
			code = max(code, 1)
		}
		if o.format == "json" {
			if err := enc.Encode(fileResult{File: f, Result: res}); err != nil {
				return err
			}
			continue
		}
		if p == nil {
			p = newPrinter(out, ui)
		}
		p.lang = res.Lang
		fmt.Fprintln(out, p.paint(ansiDim, "── "+displayName(f)))
		p.story(res, 0)
	}
	if p != nil {
		p.lang = ui
		p.summary(ready, checked)
		if unread > 0 {
			fmt.Fprintln(out, p.say(pluralFR(unread, "fichier non lu", "fichiers non lus")+" : voir les erreurs", plural(unread, "file", "files")+" not read: see the errors"))
		}
	}
	if code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// expandArgs turns folders into their .md files (sorted, subfolders left
// out: a docs/ or examples/ tree holds other Markdown). A folder without
// one is reported, as code 2.
func expandArgs(errOut io.Writer, args []string, ui rules.Lang) (files []string, code int) {
	for _, a := range args {
		if !isDir(a) {
			files = append(files, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			fmt.Fprintln(errOut, "cochef:", usageErrL(ui, "%s : lecture impossible : %v", "%s: cannot read: %v", a, err))
			code = 2
			continue
		}
		n := 0
		for _, e := range entries {
			if ext := strings.ToLower(filepath.Ext(e.Name())); !e.IsDir() && (ext == ".md" || ext == ".markdown") {
				files = append(files, filepath.Join(a, e.Name()))
				n++
			}
		}
		if n == 0 {
			fmt.Fprintln(errOut, "cochef:", usageErrL(ui, "%s : aucun fichier .md dans ce dossier", "%s: no .md file in this folder", a))
			code = 2
		}
	}
	return files, code
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
