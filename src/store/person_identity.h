// Identity across articles: deciding whether a person named in a new article
// is someone the store already knows. "Rutte", "Mark Rutte" and "NATO chief
// Mark Rutte" are one person; "Boris Johnson" and "Lyndon Johnson" are not,
// nor are "Senator Johnson" and "Prime Minister Johnson" when nothing else
// links them. A wrong merge is worse than a missed one, so every rule here
// merges only on positive evidence and an unambiguous candidate.
// Stateless and thread-safe.
#ifndef WHOSAID_STORE_PERSON_IDENTITY_H_
#define WHOSAID_STORE_PERSON_IDENTITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

// A name split into the parts identity rules compare. All lowercase.
struct PersonName {
  std::string full;        // "mark rutte"; for organisations the whole name.
  std::string first;       // "mark", "m" for an initial, "" for a surname alone.
  bool first_is_initial = false;
  std::string surname;     // "rutte"; "" for organisations.
  bool is_organization = false;
  // Title words that preceded the name ("NATO chief" in "NATO chief Mark
  // Rutte"), in their original case.
  std::string leading_title;
  std::string display;     // The name without the title: "Mark Rutte".
};

// Splits a person's name. Strips a leading title ("NATO chief", "Sen.",
// "President") into leading_title and a trailing suffix ("Jr.", "III").
PersonName ParsePersonName(std::string_view name, bool is_organization);

// Returns the normalised form used to look names up: lowercase words joined
// by single spaces, punctuation removed. "Mark  Rutte," -> "mark rutte".
std::string NormalizeName(std::string_view name);

// Returns true when two first names can belong to one person: equal, an
// initial of the other, or a common nickname ("Bill" / "William").
bool FirstNamesCompatible(const PersonName& a, const PersonName& b);

// Returns true when both have titles and no title of one shares a
// distinctive word with a title of the other ("Senator" vs "Prime Minister").
bool TitlesConflict(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Returns true when some title of a shares a distinctive word with one of b.
bool TitlesAgree(const std::vector<std::string>& a, const std::vector<std::string>& b);

// A person the store already has, as identity rules see it.
struct KnownPerson {
  int64_t id = 0;
  PersonName name;
  std::vector<std::string> titles;
};

// Returns the id of the known person `name` (with `titles`) refers to, or 0
// when it is a new person. `candidates` are the known people sharing its
// surname (or, for organisations, its full name), in id order.
int64_t MatchKnownPerson(const PersonName& name, const std::vector<std::string>& titles,
                         const std::vector<KnownPerson>& candidates);
// The same over candidates the caller holds elsewhere (not copied).
int64_t MatchKnownPerson(const PersonName& name, const std::vector<std::string>& titles,
                         const std::vector<const KnownPerson*>& candidates);

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_PERSON_IDENTITY_H_
