package rules

import "strings"

// enVerbs are the English verbs stories use, in their base form: a need
// may open with one ("As a user, export my data"), and two of them joined
// by "and" ask for two features ("edit and delete ads"). Many are also
// nouns ("report", "record"): the rules that read them check where they
// stand (right after a conjunction, not after an article).
var enVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		accept access activate add adjust aggregate allow analyse analyze annotate apply approve archive
		assign attach authenticate authorize automate back be become block book browse build calculate
		call cancel capture change charge check choose claim clean clear close collect combine comment
		communicate compare compile complete compute configure confirm connect contact convert copy
		correct create customise customize deactivate deal define delete deliver deny deploy deprecate
		describe design detect determine develop disable discover display download drag drop duplicate
		edit email embed enable encrypt enter estimate evaluate exit export extend extract fetch fill
		filter find fix flag follow forward generate get give grant group hide highlight identify import
		include index inform ingest insert inspect install integrate invite issue join keep know label
		launch lift link load locate lock log login manage map mark merge migrate modify monitor move
		narrow notify obtain open operationalize order organise organize pay perform pick pin plan post
		prepare preview print prioritize process produce provide publish pull purge push put query queue
		rank rate read receive recognize record redirect refresh register reject release reload remove
		rename reorder replicate reply report request require research reschedule reset resize resolve
		restore restrict retrieve return reuse review revoke run save scan schedule search see select
		send set share show sign skip sort specify split start stop store submit subscribe suggest
		support suspend switch sync synchronise synchronize tag take test track transfer translate
		unlock unpublish update upgrade upload use validate verify view visit vote withdraw write
		reassign reallocate reopen resend rebook reactivate resubmit reinstate refund
	`) {
		m[w] = true
	}
	return m
}()
