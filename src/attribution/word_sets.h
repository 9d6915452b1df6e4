// Closed-class English word sets that attribution rules consult: pronouns,
// determiners, auxiliaries, subordinators and the like. Lower case.
// Thread-safe (immutable statics).
#ifndef WHOSAID_ATTRIBUTION_WORD_SETS_H_
#define WHOSAID_ATTRIBUTION_WORD_SETS_H_

#include <string_view>

namespace whosaid::internal {

// Function words that are never part of a name, even when capitalised at
// the start of a sentence: "The", "After", "Asked".
bool IsFunctionWord(std::string_view lower);
// Words that may stand between a subject and its reporting verb:
// auxiliaries, negation and adverbs ("has", "also", "later", "not").
bool IsVerbModifier(std::string_view lower);
// Words that open a subordinate clause or join clauses ("whether", "when",
// "and", "but", "that", "who").
bool IsClauseOpener(std::string_view lower);
// Auxiliaries and common verbs that follow a subject ("is", "was", "has").
bool IsCommonVerb(std::string_view lower);
bool IsDeterminer(std::string_view lower);
// Connectives that may stand between a comma and the next statement's
// frame inside another's content: "and", "while", "which", "compared"...
bool IsSiblingOpener(std::string_view lower);
// Words that open a subordinate clause at the start of a sentence: "When",
// "After", "Although", "Despite" ...
bool IsSubordinator(std::string_view lower);
// A verb that makes a clause finite: a present or past form of "be", a
// modal, or "has", "had", "did" ("the plan was", "it will", "is flawed, will
// pass").
bool IsFiniteVerbForm(std::string_view lower);
bool IsPreposition(std::string_view lower);
// "at least", "at most", "as many as", "more than", "up to": two words that
// open a quantity, the first not to be read as a preposition of its own.
bool OpensQuantity(std::string_view first_lower, std::string_view second_lower);
// Returns 'm', 'f', 'p' (plural), 'n' (neuter "it") for a subject pronoun
// that can name a speaker, or 0. "I"/"we" give 's' (the writer's side).
char SubjectPronoun(std::string_view lower);
// Returns the gender code for object/possessive pronouns ("him", "her").
char ObjectPronoun(std::string_view lower);
// Name particles that may sit inside a name: "de", "van", "bin", "al".
bool IsNameParticle(std::string_view lower);

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_WORD_SETS_H_
