package rules

// registry is the table of rules, in the order they are listed. Adding a
// rule is one file (rule_<id>.go with its Rule value and check), one test,
// and one line here.
var registry = []Rule{
	storyFormat,
	storyBenefit,
	storyAtomic,
	storyMinimal,
	storyAmbiguous,
	roleUnknown,
	acceptanceCriteriaMissing,
	acceptanceCriteriaVague,
	gherkinIncomplete,
	sectionMissing,
	sectionEmpty,
	templatePlaceholder,
	storyUniform,
	storyUnique,
	storyTooLong,
}
