// The word lists attribution relies on, parsed once from the embedded data/
// files: reporting cues, titles, first names, places and organisations.
// Lexicons::Get() is thread-safe and the result is immutable.
#ifndef WHOSAID_ATTRIBUTION_LEXICONS_H_
#define WHOSAID_ATTRIBUTION_LEXICONS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

enum CueFlags : uint8_t {
  kCueTakesObject = 1,  // "told Zelenskyy that ..."
  kCueTakesOf = 2,      // "accused Zelenskyy of ..."
  kCueTakesAs = 4,      // "described it as ..."
  kCueTakesTo = 8,      // "said to reporters"
};

enum class CueCategory : uint8_t { kSpeech, kBelief, kSource, kFinding, kStance };

struct CueForm {
  std::vector<std::string> words;  // Lower case.
  std::string lemma;
  CueCategory category = CueCategory::kSpeech;
  uint8_t flags = 0;
  bool participle = false;  // The -ing form: ", saying ...".
  bool base = false;        // The bare form: "say", "tell".
};

enum class NameClass : uint8_t { kNone, kPlace, kDemonym, kOrganization };

// A multi-word phrase table keyed by the lower-case first word.
template <typename V>
class PhraseTable {
 public:
  void Add(std::vector<std::string> words, V value);
  // Returns the longest phrase starting at token i that matches, or 0 when
  // none does; *value gets its value.
  int Match(const TokenizedText& t, int i, int limit, V* value) const;
  bool empty() const { return first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    V value;
  };
  std::unordered_map<std::string, std::vector<Entry>> first_;
};

class Lexicons {
 public:
  static const Lexicons& Get();

  // Returns the longest cue starting at token i (within [i, limit)) and its
  // length in tokens, or 0.
  int MatchCue(const TokenizedText& t, int i, int limit, const CueForm** cue) const;
  // Returns the length in tokens of the longest title at token i, or 0;
  // *gender gets 'm', 'f' or 0.
  int MatchTitle(const TokenizedText& t, int i, int limit, char* gender) const;
  // Returns the length of the longest place/demonym/organisation name at i.
  int MatchName(const TokenizedText& t, int i, int limit, NameClass* cls) const;
  // Returns 'm', 'f', 'u' for a known first name (as written), or 0.
  char FirstNameGender(std::string_view name) const;
  bool IsOrgNoun(std::string_view lower) const { return org_nouns_.count(std::string(lower)) > 0; }
  size_t cue_count() const { return cue_count_; }

 private:
  Lexicons();
  PhraseTable<const CueForm*> cues_;
  std::vector<std::unique_ptr<CueForm>> cue_storage_;
  PhraseTable<char> titles_;
  PhraseTable<NameClass> names_;
  std::unordered_map<std::string, char> first_names_;
  std::unordered_map<std::string, bool> org_nouns_;
  size_t cue_count_ = 0;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_LEXICONS_H_
