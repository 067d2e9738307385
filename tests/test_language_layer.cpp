// The language layer: reading treebanks, the multiclass perceptron's model
// file, and what the shipped tagger, parser and entity typer say of
// sentences written here; its published figures on the UD test splits.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "app/language_training.hpp"
#include "core/spans.hpp"
#include "extract/extractor.hpp"
#include "language/layer.hpp"
#include "language/treebank.hpp"
#include "language/word_classes.hpp"
#include "learn/multiclass.hpp"
#include "testutil.hpp"

using namespace claimtrail;
using namespace claimtrail::language;

namespace {

// One sentence with a multiword token, an empty node and GUM entity marks
// (a two-word person, a one-word place opened and closed on one token).
constexpr std::string_view kConllu =
    "# newdoc id = doc_a\n"
    "# text = Ana Ruiz can't stay in Oslo.\n"
    "1\tAna\tAna\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=(1-person-new-sss-cf1-1,2-coref-Ana_Ruiz\n"
    "2\tRuiz\tRuiz\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n"
    "3-4\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tca\tcan\tAUX\tMD\t_\t5\taux\t_\t_\n"
    "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
    "4.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t5:conj\t_\n"
    "5\tstay\tstay\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "7\tOslo\tOslo\tPROPN\tNNP\t_\t5\tobl\t_\tEntity=(2-place-new-nnn-cf2-1-sgl)\n"
    "8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n";

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("a CoNLL-U sentence is read as its words, tree and entity mentions") {
  const auto sentences = read_conllu(kConllu);
  REQUIRE(sentences.size() == 1);
  const auto& s = sentences[0];
  CHECK(s.doc == "doc_a");
  REQUIRE(s.tokens.size() == 8);  // the range line and the empty node are not words
  CHECK(s.tokens[2].form == "ca");
  CHECK(s.tokens[0].upos == PROPN);
  CHECK(s.tokens[0].head == 5);
  CHECK(s.tokens[0].deprel == "nsubj");
  REQUIRE(s.mentions.size() == 2);
  const Mention* person = s.mentions[0].type == kPerson ? &s.mentions[0] : &s.mentions[1];
  const Mention* place = s.mentions[0].type == kPlace ? &s.mentions[0] : &s.mentions[1];
  CHECK(person->first == 0);
  CHECK(person->last == 1);
  CHECK(person->min_span == std::vector<int>{0, 1});
  CHECK(place->first == 6);
  CHECK(place->last == 6);
  CHECK(place->singleton);
  std::vector<int> heads;
  for (const auto& t : s.tokens) heads.push_back(t.head - 1);
  CHECK(mention_head(*person, heads) == 0);  // "Ruiz" hangs on "Ana"
}

TEST_CASE("a malformed CoNLL-U line is an error naming the line") {
  CHECK_THROWS_WITH_AS(read_conllu("# text = x\n1\tx\tx\n"), doctest::Contains("line 2"), std::runtime_error);
}

TEST_CASE("a multiclass model file gives back the model's scores, and a damaged one is refused") {
  learn::MulticlassTrainer t(3);
  // class k wins when feature 10 + k is present
  for (int round = 0; round < 20; ++round)
    for (int k = 0; k < 3; ++k) {
      const std::vector<std::uint64_t> f = {1, static_cast<std::uint64_t>(10 + k)};
      std::array<float, 3> s{};
      t.score(f, s.data());
      const int guess = static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
      t.update(f, k, guess);
      t.tick();
    }
  const auto m = t.finish();
  for (int k = 0; k < 3; ++k) {
    const std::vector<std::uint64_t> f = {1, static_cast<std::uint64_t>(10 + k)};
    CHECK(m.best(f) == k);
  }
  const std::string bytes = m.serialize();
  const auto back = learn::MulticlassModel::parse(bytes);
  CHECK(back.serialize() == bytes);
  for (int k = 0; k < 3; ++k) {
    const std::vector<std::uint64_t> f = {1, static_cast<std::uint64_t>(10 + k)};
    std::array<float, 3> a{}, b{};
    m.score(f, a.data());
    back.score(f, b.data());
    CHECK(a == b);
  }
  CHECK_THROWS_AS(learn::MulticlassModel::parse(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  CHECK_THROWS_AS(learn::MulticlassModel::parse("CTMC1\n"), std::runtime_error);
  CHECK_THROWS_AS(Layer::parse(shipped_layer_bytes().substr(0, 1000)), std::runtime_error);
}

TEST_CASE("the shipped layer tags and parses a news sentence") {
  const Layer& layer = shipped_layer();
  const auto words = split_words("The regional water board said that the reservoir would open in May .");
  const Syntax s = layer.analyse(words);
  REQUIRE(s.tags.size() == words.size());
  CHECK(s.tags[3] == NOUN);   // board
  CHECK(s.tags[4] == VERB);   // said
  CHECK(s.tags[5] == SCONJ);  // that
  CHECK(s.tags[9] == VERB);   // open
  auto label = [&](const Syntax& x, int w) {
    return layer.parser().label_names()[x.labels[static_cast<std::size_t>(w)]];
  };
  CHECK(s.heads[4] == -1);  // said is the root
  CHECK(s.heads[3] == 4);   // board <- said
  CHECK(label(s, 3) == "nsubj");
  CHECK(s.heads[9] == 4);  // open <- said
  CHECK(label(s, 9) == "ccomp");
  // A time adjunct after the cue hangs on the cue, not on the subject.
  const auto words2 = split_words("The water board said on Friday it had no plans to sell .");
  const Syntax t = layer.analyse(words2);
  CHECK(t.heads[5] == 3);  // Friday <- said
  CHECK(t.heads[2] == 3);  // board <- said
}

TEST_CASE("the entity typer tells a person, an organisation and a place apart") {
  const Layer& layer = shipped_layer();
  auto type_of = [&](std::string_view sentence, Phrase p) {
    const auto words = split_words(sentence);
    const Syntax s = layer.analyse(words);
    const SentenceView v{words, s.words, s.tags, s.heads, s.labels, layer.parser().label_names()};
    return layer.entities().type(v, p);
  };
  CHECK(type_of("The spokeswoman declined to comment .", {0, 1, 1}) == kPerson);
  CHECK(type_of("The ministry of health said the clinics would reopen .", {0, 3, 1}) == kOrganization);
  CHECK(type_of("She moved to Norway in 2019 .", {3, 3, 3}) == kPlace);
  // A quantity of people is people ("of" tells what the head counts); a
  // ministry "of" something stays a ministry.
  CHECK(type_of("A large majority of the voters backed the plan .", {0, 5, 2}) == kPerson);
  CHECK(type_of("Dozens of residents were evacuated on Sunday .", {0, 2, 0}) == kPerson);
}

TEST_CASE("word classes: words used alike share a class, unknown words have none") {
  auto cls = [](std::string_view w) { return word_class_of(w); };
  CHECK(cls("Tuesday").fine != 0);
  CHECK(cls("Tuesday").fine == cls("thursday").fine);  // looked up lower-cased
  CHECK(cls("lawyer").fine == cls("attorney").fine);
  CHECK(cls("kilometres").fine == cls("miles").fine);
  CHECK(cls("kilometres").middle != cls("attorney").middle);
  CHECK(cls("qzxvvk").fine == 0);
  CHECK(cls("").fine == 0);
}

TEST_CASE("with syntax, a time adjunct inside the subject is left out of the source") {
  extract::Extractor ex;
  const std::string text = "The two companies on Tuesday said the plant would close by March.\n";
  const auto a = ex.analyse(text);
  REQUIRE(a.attributions.size() == 1);
  REQUIRE(a.attributions[0].source.has_value());
  CHECK(core::span_text(text, a.attributions[0].source->spans) == "The two companies");
}

TEST_CASE(
    "with syntax, a belief or decision reported with a finite clause is an attribution; a plan or an act is not") {
  // Sentences written for this test. The verbs are cues too rarely for the
  // word tables alone; the parse shows a speaker as subject and a clause.
  extract::Extractor with, without;
  without.set_syntax(false);
  struct Row {
    const char* text;
    const char* cue;  // "" for none
    const char* source;
    const char* content;
  };
  const Row rows[] = {
      {"The minister knew the bridge was unsafe.\n", "knew", "The minister", "the bridge was unsafe"},
      {"Teachers believe the cuts will hurt pupils.\n", "believe", "Teachers", "the cuts will hurt pupils"},
      {"The board decided the plant would close.\n", "decided", "The board", "the plant would close"},
      // a plan (an infinitive) and an act are claims of the outlet's own
      {"The company plans to cut 200 jobs next year.\n", "", "", ""},
      {"The council approved the project on Monday.\n", "", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    const std::string text = row.text;
    const auto a = with.analyse(text);
    if (*row.cue == 0) {
      CHECK(a.attributions.empty());
      continue;
    }
    REQUIRE(a.attributions.size() == 1);
    const auto& at = a.attributions[0];
    CHECK(core::span_text(text, at.cue) == row.cue);
    REQUIRE(at.source.has_value());
    CHECK(core::span_text(text, at.source->spans) == row.source);
    CHECK(core::span_text(text, at.content) == row.content);
    CHECK(without.analyse(text).attributions.empty());  // the word window alone misses it
  }
}

TEST_CASE("the language layer's published figures hold on the UD test splits") {
  CLAIMTRAIL_REQUIRE_SHARED(shared);
  const auto f = app::evaluate_language(shipped_layer(), shared / "corpora" / "ud", "test");
  INFO("UPOS " << f.upos << " UAS " << f.uas << " LAS " << f.las << " entities " << f.entity_accuracy);
  CHECK(f.tokens == 25094);
  CHECK(f.upos >= 0.95);
  // The figures of today (README, docs/language.md), less a little: a
  // retrained model may not fall below them.
  CHECK(f.uas >= 0.84);
  CHECK(f.las >= 0.81);  // issue #13's floor
  CHECK(f.entity_accuracy >= 0.82);
  CHECK(f.organization_recall >= 0.70);
}
