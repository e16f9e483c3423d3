package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/internal/version"
)

// versionText is what "cochef version" and "cochef --version" print: the
// module version, the commit and its date, the Go toolchain, for a bug
// report or to tell two replicas apart.
func versionText(i version.Info) string {
	var b strings.Builder
	fmt.Fprintf(&b, "cochef %s\n", i.Version)
	commit := "inconnu / unknown"
	if i.Commit != "" {
		commit = i.Commit
		if i.Modified {
			commit += " (avec des modifications non validées / with uncommitted changes)"
		}
	}
	date := "inconnue / unknown"
	if i.Date != "" {
		date = i.Date
	}
	fmt.Fprintf(&b, "commit  %s\n", commit)
	fmt.Fprintf(&b, "date    %s\n", date)
	fmt.Fprintf(&b, "go      %s %s\n", i.GoVersion, i.Platform)
	return b.String()
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Version, commit et date de cochef / cochef's version, commit and date",
		Long: `Affiche la version du module, le commit et sa date, lus dans les informations de
construction du binaire, et la version de Go. Aussi : cochef --version.

Prints the module version, the commit and its date, read from the binary's build
information, and the Go version. Also: cochef --version.`,
		Example: `  cochef version
  cochef --version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprint(cmd.OutOrStdout(), versionText(version.Get()))
			return err
		},
	}
}
