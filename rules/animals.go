package rules

// animalFact reports whether a health, identity or civil-status word
// found at text[start:end] is said of an animal: "noter les soins donnés
// à chaque animal (vermifuge, vaccin)", "signaler un animal malade",
// "le passeport bovin", "la date de naissance du veau". Animals are no
// data subjects; the sentence must name an animal and no person the
// template knows ("le vaccin de l'enfant et du chien" stays a child's).
// An animal listed among a person's details ("rapprochement sur : date de
// naissance, chien, secteur") is one more detail of that person.
func (s *story) animalFact(text string, start, end int) bool {
	animal := false
	person := anySentenceWord(text, start, end, func(word string, st int) bool {
		animal = animal || animalWords[word] && !listedAfterComma(text, st)
		return s.c.isPerson(word)
	})
	return animal && !person
}

// anySentenceWord reports whether match holds for a folded word of the
// sentence holding text[start:end]; st is the word's offset in text. The
// walk stops at the first match and allocates no word slice.
func anySentenceWord(text string, start, end int, match func(word string, st int) bool) bool {
	var buf [64]byte
	stop := sentenceStop(text, end)
	for pos := sentenceStart(text, start); pos < stop; {
		st, e, w := wordAt(text[:stop], pos, buf[:])
		if st < 0 {
			break
		}
		if match(string(w), st) {
			return true
		}
		pos = e
	}
	return false
}

// animalFacts are the topics an animal's record can name without being a
// person's: its care, its passport, its birth date.
var animalFacts = setOf(`health identity civil-status`)

// animalWords name animals, folded; not those a menu names ("sans porc",
// "volaille", "agneau").
var animalWords = setOf(`animal animaux bete betes betail bovin bovins bovine bovines veau veaux vache vaches
	taureau taureaux chevre chevres mouton moutons brebis cheval chevaux poney poneys ane anes
	cochon cochons lapin lapins poule poules chien chiens chat chats pigeon pigeons oiseau oiseaux
	abeille abeilles poisson poissons
	animals cattle cow cows calf calves sheep lamb lambs goat goats horse horses pony ponies pig pigs
	poultry hen hens dog dogs cat cats livestock pigeon pigeons bird birds bee bees fish`)

// listedAfterComma reports whether the word at text[st:] follows a comma:
// an item of a list.
func listedAfterComma(text string, st int) bool {
	for i := st - 1; i >= 0; i-- {
		if text[i] != ' ' {
			return text[i] == ','
		}
	}
	return false
}
