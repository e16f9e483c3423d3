package main

import (
	"log/slog"
	"net/http"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/dashboard"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/store"
)

// serveDashboard adds the readiness dashboard to mux when it is enabled
// (docs/operations.md): its figures come from the store, its recette
// counts and PVs from the recette's own functions.
func serveDashboard(mux *http.ServeMux, cfg serverConfig, st *store.Store, log *slog.Logger) error {
	if !cfg.DashboardEnabled {
		return nil
	}
	h, err := dashboard.New(dashboard.Options{
		Source:   st,
		Progress: recette.Progress,
		PV: func(lang rules.Lang, rec core.RecetteRecord, trail []core.Validation) ([]byte, error) {
			return recette.RenderPVPDF(lang, recette.PVHeader{Product: rec.Ref.Repo.FullName}, rec.Milestone,
				[]recette.PVInput{{Record: rec, Trail: trail}})
		},
		Auth: dashboard.Auth{
			Mode: cfg.DashboardAuth, Header: cfg.DashboardHeader, Token: cfg.DashboardToken,
			User: cfg.DashboardUser, Password: cfg.DashboardPassword,
		},
		Logger: log,
	})
	if err != nil {
		return err
	}
	h.Register(mux)
	log.Info("readiness dashboard served", "paths", []string{dashboard.PathFR, dashboard.PathEN}, "auth", cfg.DashboardAuth)
	if cfg.DashboardAuth == dashboard.AuthHeader {
		// Whoever reaches cochef without the proxy can write the header.
		log.Warn("dashboard trusts a request header: only the authenticating proxy may reach cochef, and it must strip that header from clients (docs/operations.md)",
			"header", cfg.DashboardHeader, "listen", cfg.Listen)
	}
	return nil
}
