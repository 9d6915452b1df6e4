// Finds the people (and organisations) an article mentions and links the
// mentions into entities: full names with their titles, surnames alone,
// first names, descriptions ("the NATO chief") and subject pronouns.
// One MentionTable per article; not thread-safe, cheap to build.
#ifndef WHOSAID_ATTRIBUTION_MENTIONS_H_
#define WHOSAID_ATTRIBUTION_MENTIONS_H_

#include <string>
#include <vector>

#include "src/attribution/lexicons.h"
#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

enum class MentionKind : uint8_t {
  kName,          // "NATO chief Mark Rutte", "Mark Rutte"
  kSurname,       // "Rutte"
  kFirstName,     // "Volodymyr"
  kPronoun,       // "he"
  kDescription,   // "the NATO chief"
  kOrganization,  // "Reuters", "the Kremlin"
  kGroup,         // "officials", "a spokesman": a source with no name.
};
const char* MentionKindName(MentionKind kind);

struct MentionInfo {
  int first = 0;  // Tokens [first, last) of the whole phrase.
  int last = 0;
  MentionKind kind = MentionKind::kName;
  int entity = -1;
  char pronoun = 0;   // For pronouns: 'm', 'f', 'p', 'n', 's'.
  bool subject = false;
  bool in_quote = false;
};

struct EntityInfo {
  std::string name;
  std::string first_name;
  std::string surname;
  bool organization = false;
  char gender = 0;  // 'm', 'f' or 0.
  std::vector<std::string> titles;
  std::vector<int> mentions;
};

class MentionTable {
 public:
  // quote_of_token[i] >= 0 when token i lies inside a quotation;
  // cue_len[i] > 0 when a cue starts at token i.
  MentionTable(const TokenizedText& text, const std::vector<int>& quote_of_token,
               const std::vector<uint8_t>& cue_len);

  const std::vector<MentionInfo>& mentions() const { return mentions_; }
  const std::vector<EntityInfo>& entities() const { return entities_; }
  // Returns the mention whose phrase ends with token i (last == i + 1), or -1.
  int EndingAt(int i) const { return end_at_[i]; }
  // Returns the mention whose phrase starts at token i, or -1.
  int StartingAt(int i) const { return start_at_[i]; }
  const MentionInfo& mention(int m) const { return mentions_[m]; }
  const EntityInfo& entity(int e) const { return entities_[e]; }

  // Adds a mention that attribution found (a group noun phrase, an
  // organisation), linking names to entities. Returns its id.
  int AddSourcePhrase(int first, int last);
  // Adds a mention such as the relative pronoun "who" that names `entity`
  // (which may be -1). Returns its id.
  int AddLinkedPhrase(int first, int last, int entity);
  // Adds a transcript's speaker label in capitals ("KATE BOULDUAN",
  // "BOULDUAN") as a name of `entity`, or of a new person named in title
  // case ("Kate Boulduan") when entity is -1. Returns its id.
  int AddPersonLabel(int first, int last, int entity);
  // Writes a person's name found only in capitals ("KATE BOULDUAN", a
  // transcript's label) in title case: "Kate Boulduan".
  void TitleCaseName(int entity);
  // Returns the entity a pronoun at token p most likely names, or -1.
  int ResolvePronounAt(int p, char pronoun) const;

 private:
  void Detect();
  int DetectAt(int i);
  int LinkName(int first, int last, bool person_signal, const std::string& title, char title_gender);
  int NewEntity(const std::string& name, bool organization);
  // Adds a title to an entity's, once.
  void AddTitle(int entity, const std::string& title);
  // Gives the entity of a name the title of a description right before
  // its comma ("The NATO chief, Mark Rutte"), and links that description.
  void TitleFromAppositive(int name_first, int entity);
  int AddMention(MentionInfo m);
  // Appends a mention found after detection, filling the start/end indexes
  // only where they are empty and linking it to its entity. Returns its id.
  int AppendMention(const MentionInfo& m);
  bool IsSubjectPosition(int first, int last) const;
  bool Compatible(int entity, char pronoun) const;
  int ResolveDescription(int head_first, int head_last) const;
  std::string Surface(int first, int last) const;

  const TokenizedText& t_;
  const std::vector<int>& quote_of_token_;
  const std::vector<uint8_t>& cue_len_;
  const Lexicons& lex_;
  std::vector<MentionInfo> mentions_;
  std::vector<EntityInfo> entities_;
  std::vector<int> end_at_;
  std::vector<int> start_at_;
  std::vector<int> focus_;  // Per sentence: entity of its first subject, or -1.
};

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_MENTIONS_H_
