#include "language/treebank.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

#include "util/split.hpp"

namespace claimtrail::language {

namespace {

constexpr std::array<const char*, kUpos> kUposNames = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                                       "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                                       "PUNCT", "SCONJ", "SYM", "VERB", "X"};
constexpr std::array<const char*, kEntityTypes> kEntityNames = {"person", "organization", "place",   "event",
                                                                "object", "abstract",     "time",    "substance",
                                                                "animal", "plant",        "quantity"};

int to_int(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

// "(ID-type-infstat-salience-centering-minspan-link[-identity]" without the
// parenthesis: the mention it opens at `token`.
OpenMention opening(std::string_view spec, int token) {
  OpenMention o;
  const auto parts = util::split(spec, '-');
  o.id = std::string(parts[0]);
  o.m.first = o.m.last = token;
  if (parts.size() > 1) o.m.type = entity_type_of(parts[1]);
  if (parts.size() > 5)
    for (const auto n : util::split(parts[5], ','))
      if (const int v = to_int(n); v > 0) o.m.min_span.push_back(token + v - 1);
  if (parts.size() > 6) o.m.singleton = parts[6] == "sgl";
  o.m.chain = o.id;
  return o;
}

}  // namespace

const char* upos_name(int tag) { return tag >= 0 && tag < kUpos ? kUposNames[static_cast<std::size_t>(tag)] : "X"; }

int upos_of(std::string_view name) {
  for (int i = 0; i < kUpos; ++i)
    if (name == kUposNames[static_cast<std::size_t>(i)]) return i;
  return -1;
}

const char* entity_type_name(int type) {
  return type >= 0 && type < kEntityTypes ? kEntityNames[static_cast<std::size_t>(type)] : "other";
}

int entity_type_of(std::string_view name) {
  for (int i = 0; i < kEntityTypes; ++i)
    if (name == kEntityNames[static_cast<std::size_t>(i)]) return i;
  return -1;
}

void read_entity_field(std::string_view value, int token, std::vector<OpenMention>& open, std::vector<Mention>& done) {
  std::size_t i = 0;
  while (i < value.size()) {
    if (value[i] == '(') {
      std::size_t end = i + 1;
      while (end < value.size() && value[end] != '(' && value[end] != ')') ++end;
      OpenMention o = opening(value.substr(i + 1, end - i - 1), token);
      if (end < value.size() && value[end] == ')') {
        done.push_back(std::move(o.m));
        i = end + 1;
      } else {
        open.push_back(std::move(o));
        i = end;
      }
    } else if (value[i] >= '0' && value[i] <= '9') {
      std::size_t end = i;
      while (end < value.size() && value[end] != ')') ++end;
      const std::string_view id = value.substr(i, end - i);
      for (std::size_t k = open.size(); k-- > 0;)
        if (open[k].id == id) {
          open[k].m.last = token;
          done.push_back(std::move(open[k].m));
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
          break;
        }
      i = end + 1;
    } else {
      ++i;
    }
  }
}

std::vector<TreebankSentence> read_conllu(std::string_view text) {
  std::vector<TreebankSentence> out;
  TreebankSentence cur;
  std::string doc;
  std::vector<OpenMention> open;
  std::size_t line_no = 0;
  auto finish = [&] {
    if (cur.tokens.empty()) return;
    cur.doc = doc;
    for (auto& m : cur.mentions) {
      m.chain = doc + "#" + m.chain;
      std::erase_if(m.min_span, [&](int t) { return t < m.first || t > m.last; });
    }
    out.push_back(std::move(cur));
    cur = {};
    open.clear();
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kDoc = "# newdoc id = ";
      if (line.substr(0, kDoc.size()) == kDoc) doc = std::string(line.substr(kDoc.size()));
      continue;
    }
    const auto f = util::split(line, '\t');
    if (f.size() != 10) throw std::runtime_error("CoNLL-U line " + std::to_string(line_no) + ": not 10 fields");
    if (f[0].find_first_of("-.") != std::string_view::npos) continue;
    TreebankToken t;
    t.form = std::string(f[1]);
    t.lemma = std::string(f[2]);
    const int tag = upos_of(f[3]);
    t.upos = static_cast<std::uint8_t>(tag < 0 ? X : tag);
    t.head = to_int(f[6]);
    if (t.head < 0) throw std::runtime_error("CoNLL-U line " + std::to_string(line_no) + ": bad head");
    t.deprel = std::string(f[7]);
    const int index = static_cast<int>(cur.tokens.size());
    for (const auto item : util::split(f[9], '|'))
      if (item.substr(0, 7) == "Entity=") read_entity_field(item.substr(7), index, open, cur.mentions);
    cur.tokens.push_back(std::move(t));
  }
  finish();
  return out;
}

}  // namespace claimtrail::language
