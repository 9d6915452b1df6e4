#include "src/attribution/word_sets.h"

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace whosaid::internal {
namespace {

// A fixed set of short lower-case words. The rules and the models' features
// ask these sets about nearly every token, and std::unordered_set spent
// about a fifth of attribution time hashing every byte and walking buckets.
// Here a word whose (length, first byte) pair no member has is refused with
// one bit test, which is most words of running text; the rest probe an
// open-addressing table at most a quarter full.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    size_t capacity = 16;
    while (capacity < words.size() * 4) capacity <<= 1;
    slots_.assign(capacity, std::string_view());
    mask_ = capacity - 1;
    for (std::string_view w : words) Insert(w);
  }

  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() >= kMaxLength || (first_byte_[w.size()] & Bit(w[0])) == 0) return false;
    for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].data() == nullptr) return false;
      if (slots_[i] == w) return true;
    }
  }

 private:
  static constexpr size_t kMaxLength = 24;

  // Bytes that share their low six bits share a bit; a false "maybe" only
  // costs the probe.
  static uint64_t Bit(char c) { return uint64_t{1} << (static_cast<unsigned char>(c) & 63); }

  static size_t Hash(std::string_view w) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a.
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }

  // Members are non-empty string literals, so an empty slot is one whose
  // data() is null. The longest member has 13 letters.
  void Insert(std::string_view w) {
    if (w.empty() || w.size() >= kMaxLength) return;
    first_byte_[w.size()] |= Bit(w[0]);
    size_t i = Hash(w) & mask_;
    while (slots_[i].data() != nullptr && slots_[i] != w) i = (i + 1) & mask_;
    slots_[i] = w;
  }

  std::vector<std::string_view> slots_;
  size_t mask_ = 0;
  uint64_t first_byte_[kMaxLength] = {};
};

bool In(const WordSet& set, std::string_view w) { return set.Contains(w); }

}  // namespace

bool IsFunctionWord(std::string_view w) {
  static const WordSet kSet = {
      "the", "a", "an", "after", "but", "and", "in", "on", "at", "for", "if", "when", "while",
      "as", "with", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
      "you", "there", "here", "some", "many", "most", "all", "both", "his", "her", "their",
      "our", "its", "my", "your", "what", "who", "whom", "which", "where", "why", "how", "yet",
      "so", "or", "nor", "not", "no", "to", "from", "by", "of", "about", "during", "since",
      "until", "before", "although", "though", "because", "despite", "under", "over",
      "between", "among", "meanwhile", "however", "also", "still", "now", "then", "later",
      "earlier", "last", "next", "according", "asked", "quizzed", "speaking", "instead",
      "such", "each", "every", "any", "one", "two", "three", "another", "other", "more",
      "much", "even", "just", "only", "once", "today", "yesterday", "tomorrow", "tonight",
      "thus", "therefore", "indeed", "perhaps", "maybe", "yes", "well", "oh", "mr", "please",
      "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had",
      "will", "would", "can", "could", "should", "may", "might", "must", "shall", "let",
      "without", "within", "through", "into", "onto", "upon", "against", "toward", "towards",
      "like", "unlike", "near", "amid", "amongst", "via", "per", "than", "whether", "unless",
      "whereas", "whose", "whatever", "whoever", "everyone", "everybody", "someone",
      "somebody", "nobody", "none", "nothing", "something", "anything", "everything", "me",
      "him", "us", "them", "first", "second", "former", "late", "several", "few"};
  return In(kSet, w);
}

bool IsVerbModifier(std::string_view w) {
  static const WordSet kSet = {
      "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
      "shall", "did", "does", "do", "not", "n't", "never", "also", "later", "then", "previously",
      "repeatedly", "recently", "again", "once", "publicly", "privately", "reportedly",
      "already", "still", "just", "even", "further", "separately", "quickly", "flatly",
      "firmly", "bluntly", "simply", "only", "often", "frequently", "subsequently", "earlier",
      "initially", "first", "originally", "openly", "angrily", "proudly", "candidly", "curtly",
      "calmly", "famously", "once", "long", "ultimately", "finally", "now", "always", "usually",
      "apparently", "allegedly", "clearly", "explicitly", "specifically", "directly",
      "personally", "jokingly", "sarcastically", "tellingly", "notably", "recently", "been",
      "being", "is", "was", "are", "were", "be", "had", "reportedly", "herself", "himself",
      "themselves", "itself", "too", "all", "both", "each", "yet", "however", "immediately",
      "quietly", "loudly", "emphatically", "forcefully", "strongly", "sharply", "softly",
      "happily", "sadly", "gleefully", "defiantly", "confidently", "cautiously", "wrongly",
      "falsely", "correctly", "rightly", "accurately", "mistakenly", "essentially", "basically",
      "effectively", "in", "fact"};
  return In(kSet, w);
}

bool IsClauseOpener(std::string_view w) {
  static const WordSet kSet = {
      "whether", "when", "while", "if", "because", "although", "though", "since", "after",
      "before", "until", "unless", "that", "who", "which", "whom", "where", "and", "but", "or",
      "so", "as", "once", "whereas", "why", "how", "what", "nor", "yet", "then"};
  return In(kSet, w);
}

bool IsCommonVerb(std::string_view w) {
  static const WordSet kSet = {
      "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may",
      "might", "must", "should", "shall", "did", "does", "do", "also", "then", "later", "never",
      "still", "now", "himself", "herself", "and", "wants", "wanted", "needs", "needed",
      "made", "makes", "went", "goes", "took", "takes", "got", "gets", "won", "lost", "called",
      "met", "came", "comes", "became", "seemed", "appeared", "tried", "signed", "voted",
      "ran", "runs", "led", "leads", "gave", "gives", "kept", "left", "began", "refused"};
  return In(kSet, w);
}

bool IsSiblingOpener(std::string_view w) {
  static const WordSet kSet = {"and", "but", "while", "whereas", "where", "when", "who", "which",
                               "as", "only", "to", "so", "because", "although", "though", "yet",
                               "or", "compared", "with", "then", "even", "after", "before", "that"};
  return In(kSet, w);
}

bool IsSubordinator(std::string_view w) {
  static const WordSet kSet = {"when",    "after",  "while", "as",    "since",   "although", "though", "if",
                               "because", "before", "once",  "until", "whereas", "even",     "despite", "unless"};
  return In(kSet, w);
}

bool IsFiniteVerbForm(std::string_view w) {
  static const WordSet kSet = {"is",    "was",  "are",   "were",   "will",  "would",  "could",   "can",
                               "may",   "might", "must", "should", "has",   "have",   "had",     "did",
                               "does",  "do",   "won't", "wouldn't", "can't"};
  return In(kSet, w);
}

bool IsDeterminer(std::string_view w) {
  static const WordSet kSet = {"the", "a", "an", "his", "her", "their", "its", "our", "my",
                               "your", "this", "that", "these", "those", "some", "many",
                               "several", "two", "three", "four", "five", "other", "another",
                               "one", "both", "most", "all", "few", "no", "every", "each"};
  return In(kSet, w);
}

bool IsPreposition(std::string_view w) {
  static const WordSet kSet = {"on", "in", "at", "to", "for", "with", "about", "from", "by",
                               "of", "over", "after", "before", "during", "into", "through",
                               "against", "toward", "towards", "upon", "under", "between",
                               "among", "amid", "via", "since", "until", "regarding",
                               "concerning", "around", "across", "behind", "beyond"};
  return In(kSet, w);
}

char SubjectPronoun(std::string_view w) {
  if (w == "he") return 'm';
  if (w == "she") return 'f';
  if (w == "they") return 'p';
  if (w == "it") return 'n';
  if (w == "i" || w == "we") return 's';
  return 0;
}

char ObjectPronoun(std::string_view w) {
  if (w == "him" || w == "his") return 'm';
  if (w == "her" || w == "hers") return 'f';
  if (w == "them" || w == "their") return 'p';
  return 0;
}

bool IsNameParticle(std::string_view w) {
  static const WordSet kSet = {"de", "van", "von", "der", "den", "bin", "bint", "al", "da",
                               "di", "del", "della", "la", "le", "du", "dos", "das", "ibn",
                               "abu", "ter", "ten", "y", "st."};
  return In(kSet, w);
}

bool OpensQuantity(std::string_view a, std::string_view b) {
  return (a == "at" && (b == "least" || b == "most")) || (a == "as" && (b == "many" || b == "much" || b == "few")) ||
         ((a == "more" || a == "less" || a == "fewer") && b == "than") || (a == "up" && b == "to");
}

}  // namespace whosaid::internal
