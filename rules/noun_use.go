package rules

// filingNoun reports whether a filing verb found at text[start:] is the
// noun it shares a spelling with: "voir le stock en réserve" (a
// storeroom), "look up the memorials in the register" (a list), "a
// book", "the appeal". A citizen browsing a register files nothing; "je
// réserve", "to register", "my appeal" stay acts of the person, and so
// does taking the register (attendance).
func filingNoun(text string, start int, word string) bool {
	w := fold(word)
	dets, ok := nounDeterminers[w]
	if !ok {
		return false
	}
	before := lastWords(text[:start], 2)
	if len(before) == 0 || !dets[before[len(before)-1]] {
		return false
	}
	// "take the register of my class": who is there, recorded.
	return len(before) < 2 || !registerTaking[before[0]]
}

var registerTaking = setOf(`take takes taking call calls calling`)

// nounDeterminers list, for each filing verb spelt like a noun, the words
// before it that make it the noun.
var nounDeterminers = map[string]map[string]bool{
	"reserve":  setOf(`en la une sa cette de`),
	"register": setOf(`the a this that each every public electoral`),
	"book":     setOf(`the a this that each every`),
	"appeal":   setOf(`the an this that each every`),
	"dispute":  setOf(`the a this that each every`),
}
