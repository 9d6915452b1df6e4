// Tests for the cue model: the binary format, the averaged perceptron on
// tiny synthetic data, and the features.
#include "src/model/cue_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "src/attribution/model_cues.h"
#include "src/attribution/tokenizer.h"
#include "src/model/cue_features.h"
#include "whosaid/pipeline.h"

namespace whosaid::internal {
namespace {

TEST(CueModel, SerializeParseRoundTrip) {
  CueModel m(8);
  m.mutable_weights()[3] = 1.5f;
  m.mutable_weights()[200] = -0.25f;
  m.set_threshold(0.75f);
  StatusOr<CueModel> back = CueModel::Parse(m.Serialize());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->hash_bits(), 8);
  EXPECT_FLOAT_EQ(back->threshold(), 0.75f);
  EXPECT_EQ(back->weights(), m.weights());
  EXPECT_EQ(back->NonZero(), 2u);
}

TEST(CueModel, ParseRejectsBadInputWithOffset) {
  static const struct {
    std::string bytes;
    const char* why;
  } kCases[] = {
      {"WSCM", "truncated"},
      {std::string("XXXX\1\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0", 20), "magic"},
      {std::string("WSCM\2\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0", 20), "version"},
      {std::string("WSCM\1\0\0\0\x30\0\0\0\0\0\0\0\0\0\0\0", 20), "hash bits"},
      {std::string("WSCM\1\0\0\0\x08\0\0\0\0\0\0\0\1\0\0\0", 20), "count"},
      {std::string("WSCM\1\0\0\0\x02\0\0\0\0\0\0\0\1\0\0\0\x09\0\0\0\0\0\0\0", 28), "out of range"},
  };
  for (const auto& c : kCases) {
    StatusOr<CueModel> m = CueModel::Parse(c.bytes);
    ASSERT_FALSE(m.ok()) << c.why;
    EXPECT_NE(m.status().message().find("byte "), std::string::npos) << m.status().message();
    EXPECT_NE(m.status().message().find(c.why), std::string::npos) << m.status().message();
  }
}

TEST(AveragedPerceptron, LearnsSeparableSyntheticData) {
  // Feature 1 marks positives, feature 2 negatives; feature 0 is a bias.
  AveragedPerceptron p(4);
  const uint32_t pos[] = {0, 1}, neg[] = {0, 2};
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int k = 0; k < 10; ++k) {
      p.Learn(pos, 2, true);
      p.Learn(neg, 2, false);
    }
  }
  CueModel m = p.Averaged();
  EXPECT_GT(m.Score(pos, 2), 0);
  EXPECT_LT(m.Score(neg, 2), 0);
}

TEST(AveragedPerceptron, IsDeterministic) {
  auto train = [] {
    AveragedPerceptron p(6);
    for (uint32_t k = 0; k < 50; ++k) {
      const uint32_t f[] = {k % 7, 10 + k % 3, 40};
      p.Learn(f, 3, k % 3 == 0);
    }
    return p.Averaged().Serialize();
  };
  EXPECT_EQ(train(), train());
}

TEST(CueFeatures, SameTokenSameFeaturesAndBounded) {
  std::string text = "The senator offered a warning: prices will rise. She offered no plan.";
  TokenizedText t(text);
  std::vector<int> quote_of_token(t.size() + 1, -1);
  std::vector<uint8_t> cue_len(t.size() + 1, 0);
  CueContext c{&t, &quote_of_token, &cue_len};
  uint32_t a[kMaxCueFeatures], b[kMaxCueFeatures];
  for (int i = 0; i < t.size(); ++i) {
    int n = CueFeatures(c, i, a);
    ASSERT_LE(n, kMaxCueFeatures);
    ASSERT_EQ(CueFeatures(c, i, b), n);
    EXPECT_EQ(std::vector<uint32_t>(a, a + n), std::vector<uint32_t>(b, b + n));
  }
}

TEST(CueFeatures, QuotedTokensAreNotCandidates) {
  std::string text = "He said \"hello there\" today.";
  TokenizedText t(text);
  std::vector<int> quote_of_token;
  for (int i = 0; i <= t.size(); ++i) quote_of_token.push_back(i >= 2 && i <= 5 ? 0 : -1);
  std::vector<uint8_t> cue_len(t.size() + 1, 0);
  CueContext c{&t, &quote_of_token, &cue_len};
  EXPECT_TRUE(IsCueCandidate(c, 1));
  EXPECT_FALSE(IsCueCandidate(c, 3));
}

// "His claims surprised everyone" read as a cue "claims" before candidates
// after a possessive or determiner were ruled out.
TEST(CueFeatures, NounAfterDeterminerOrPossessiveIsNotACandidate) {
  std::string text = "His claims and the reports. Critics have offered views.";
  TokenizedText t(text);
  std::vector<int> quote_of_token(t.size() + 1, -1);
  std::vector<uint8_t> cue_len(t.size() + 1, 0);
  CueContext c{&t, &quote_of_token, &cue_len};
  std::vector<std::string> words;
  for (int i : CueCandidates(c, CueScope::kUncuedSentences)) words.emplace_back(t.Surface(i));
  auto has = [&](const char* w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  EXPECT_FALSE(has("claims"));
  EXPECT_FALSE(has("reports"));
  EXPECT_FALSE(has("His"));
  EXPECT_FALSE(has("have"));
  EXPECT_TRUE(has("offered"));
  EXPECT_TRUE(has("Critics"));
}

TEST(CueFeatures, SentenceWithALexiconCueHasNoCandidates) {
  std::string text = "Critics offered views. Critics offered views.";
  TokenizedText t(text);
  std::vector<int> quote_of_token(t.size() + 1, -1);
  std::vector<uint8_t> cue_len(t.size() + 1, 0);
  cue_len[1] = 1;  // As if the lexicon had marked the first "offered".
  CueContext c{&t, &quote_of_token, &cue_len};
  for (int i : CueCandidates(c, CueScope::kUncuedSentences)) EXPECT_EQ(t[i].sentence, 1);
  EXPECT_FALSE(CueCandidates(c, CueScope::kUncuedSentences).empty());
}

TEST(ModelCues, CueRunsOverTheVerbGroup) {
  std::string text = "He wasn't having it. They speak affectionately of him. She offered praise.";
  TokenizedText t(text);
  TokenFacts facts;
  facts.quote_of_token.assign(t.size() + 1, -1);
  facts.cue_len.assign(t.size() + 1, 0);
  auto at = [&](std::string_view w) {
    for (int i = 0; i < t.size(); ++i) if (t.Surface(i) == w) return i;
    return -1;
  };
  EXPECT_EQ(ModelCueLength(t, facts, at("wasn't")), 2);         // wasn't having
  EXPECT_EQ(ModelCueLength(t, facts, at("speak")), 3);          // speak affectionately of
  EXPECT_EQ(ModelCueLength(t, facts, at("offered")), 1);        // offered
  EXPECT_EQ(ModelCueLength(t, facts, at(".")), 1);              // punctuation stays one token
  facts.quote_of_token[at("having")] = 0;                       // a quotation stops it
  EXPECT_EQ(ModelCueLength(t, facts, at("wasn't")), 1);
}

// A model that marks "skewered" and nothing else, trained on its own
// features the way train-cues does.
CueModel SkeweredModel() {
  AveragedPerceptron p(12);
  const char* const kTexts[] = {"Tom Berg skewered the count on Monday.",
                                "The mayor skewered critics, and the council voted.",
                                "Voters skewered the plan while the mayor said it works."};
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (const char* text : kTexts) {
      TokenizedText t(text);
      std::vector<int> quote_of_token(t.size() + 1, -1);
      std::vector<uint8_t> cue_len(t.size() + 1, 0);
      CueContext c{&t, &quote_of_token, &cue_len};
      uint32_t f[kMaxCueFeatures];
      for (int i : CueCandidates(c, CueScope::kAll)) {
        int n = CueFeatures(c, i, f);
        p.Learn(f, n, t.Lower(i) == "skewered");
      }
    }
  }
  return p.Averaged();
}

TEST(ModelCues, SecondPassAddsStatementsBesideTheRulesOnly) {
  CueModel model = SkeweredModel();
  SetActiveCueModel(&model);
  ExtractOptions options;
  options.raw = true;
  // Beside a statement the lexicon found: added.
  StatusOr<Article> beside =
      ExtractPlainText("Tom Berg skewered the count, while Maria Lopez said the vote was fair.", "t", options);
  // Inside one: the rules' statement stays whole and nothing is added.
  StatusOr<Article> inside =
      ExtractPlainText("Maria Lopez said that Tom Berg skewered the count.", "t", options);
  ResetActiveCueModel();
  ASSERT_TRUE(beside.ok());
  ASSERT_EQ(beside->quotes.size(), 2u);
  EXPECT_EQ(beside->quotes[0].cue->text, "skewered");
  EXPECT_EQ(beside->quotes[0].content.text, "the count");
  EXPECT_EQ(beside->quotes[0].speaker.value_or(""), "Tom Berg");
  EXPECT_EQ(beside->quotes[1].cue->text, "said");
  EXPECT_EQ(beside->quotes[1].content.text, "the vote was fair");
  ASSERT_TRUE(inside.ok());
  ASSERT_EQ(inside->quotes.size(), 1u);
  EXPECT_EQ(inside->quotes[0].content.text, "that Tom Berg skewered the count");
}

TEST(ActiveCueModel, SetAndReset) {
  CueModel m(4);
  SetActiveCueModel(&m);
  EXPECT_EQ(ActiveCueModel(), &m);
  SetActiveCueModel(nullptr);
  EXPECT_EQ(ActiveCueModel(), nullptr);
  ResetActiveCueModel();
  EXPECT_NE(ActiveCueModel(), &m);
}

}  // namespace
}  // namespace whosaid::internal
