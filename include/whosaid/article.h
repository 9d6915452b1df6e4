// Article: the clean text of one news document, its metadata, its provenance,
// and what whosaid found in it (people and attributed statements).
// Plain data; no invariants beyond those stated on fields.
#ifndef WHOSAID_ARTICLE_H_
#define WHOSAID_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace whosaid {

// A stretch of Article::text. Offsets are Unicode code points, end exclusive,
// and text == Article::text[start:end] (in code points) always holds.
struct Span {
  int64_t start = 0;
  int64_t end = 0;
  std::string text;
};

// One mention of a person in the text: "NATO chief Mark Rutte", "he", "Rutte".
struct Mention {
  Span span;
  // How the mention names the person: "name", "surname", "first_name",
  // "title", "pronoun", "description".
  std::string kind;
};

// A person (or organisation acting as a source) mentioned in the article.
struct Person {
  std::string id;                  // "p1", "p2" ... in order of first mention.
  std::string name;                // Canonical full name: "Mark Rutte".
  bool is_organization = false;    // "Reuters", "the Kremlin".
  std::string gender;              // "male", "female" or "" when unknown.
  std::vector<std::string> titles; // "NATO chief", "U.S. President".
  std::vector<std::string> aliases;// Distinct mention texts other than name.
  std::vector<Mention> mentions;
};

enum class QuoteType { kDirect, kMixed, kIndirect };
const char* QuoteTypeName(QuoteType type);

// One attributed statement.
struct Quote {
  QuoteType type = QuoteType::kIndirect;
  Span content;              // For direct quotes, includes the marks.
  std::vector<Span> parts;   // Set only when the content is discontinuous.
  std::optional<Span> cue;   // "said", "told", "according to".
  std::optional<Span> source;// The mention naming the speaker in the sentence
                             // (for a continuation, the one that named
                             // the speaker of the statement it goes on with).
  std::optional<std::string> speaker;     // Resolved full name.
  std::optional<std::string> speaker_id;  // Person::id.
  std::optional<std::string> addressee;   // "BBC", "Volodymyr Zelenskyy".
  std::optional<std::string> date;        // YYYY-MM-DD when the text says when.
  // How the speaker was found: "cue" (a cue in the sentence), "continuation"
  // (an uncued quote following the same speaker), or "none".
  std::string attribution = "cue";
  // "speech" for saying verbs, "belief" for thinking/wanting, "source" for
  // "according to" and reports.
  std::string category = "speech";
  // Index in Article::quotes of the statement this one is reported inside:
  // in "X said that Y believes Z" Y's belief is within X's statement, and
  // it is X who says so. Set when another statement's content holds this
  // one's content and its cue; unset for statements made in the article's
  // own voice.
  std::optional<int> within;
};

// A time expression in the text and the date it names, when known:
// "on Friday" in an article of 2025-03-01 gives 2025-02-28.
struct TimeMention {
  Span span;
  std::optional<std::string> date;  // YYYY-MM-DD.
};

// Where a record came from.
struct Provenance {
  std::string file;                  // Input path, or "-" for stdin.
  int64_t offset = 0;                // Byte offset of the record in the file.
  int64_t length = 0;                // Byte length of the record.
  std::optional<std::string> warc_target_uri;
  std::optional<std::string> warc_date;
  std::string format;                // "text", "html", "warc", "jsonl".
};

struct Article {
  std::string id;
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> date;       // YYYY-MM-DD.
  std::optional<std::string> publisher;
  std::vector<std::string> cites;        // Wire agencies the article cites.
  std::vector<std::string> authors;
  std::optional<std::string> language;
  std::string text;                      // Paragraphs separated by "\n\n".
  std::vector<std::string> boilerplate_removed;  // Lines dropped from text.
  std::vector<std::string> warnings;     // e.g. "invalid UTF-8 repaired at byte 12".
  Provenance provenance;
  std::vector<Person> people;
  std::vector<Quote> quotes;
  std::vector<TimeMention> events;
};

}  // namespace whosaid

#endif  // WHOSAID_ARTICLE_H_
