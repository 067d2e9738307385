// Entity resolution across an article: one entity per person, body, group or
// document, with every mention ("Jane Doe", "Doe", "she"; "three officials",
// "the officials") linked to it.
#include <algorithm>
#include <array>
#include <string>

#include "extract/context.hpp"

namespace claimtrail::extract {

namespace {

using core::SourceCategory;

struct Known {
  SourceCategory category;
  std::string key;     // surname / normalised name / head noun + affiliation
  std::string head;    // for unnamed: head noun
  bool plural = false;
};

class Resolver {
 public:
  explicit Resolver(Context& ctx) : ctx_(ctx) {}

  // Resolves one source NP; fills `src` (category, entity, entities, descriptors).
  void resolve(TokRange np, core::Source& src) {
    SourceInfo info = classify_source(ctx_, np);
    src.descriptors = info.descriptors;
    const core::Span mention = ctx_.span(np);
    if (info.pronoun != SourceInfo::Pronoun::none) {
      const int e = antecedent(info.pronoun);
      if (e >= 0) {
        src.category = ctx_.out.entities[static_cast<std::size_t>(e)].category;
        link(e, mention, src);
      } else {
        src.category = SourceCategory::unresolved;
      }
      src.anonymous = src.category == SourceCategory::unnamed_person || src.category == SourceCategory::unnamed_group;
      return;
    }
    src.category = info.category;
    src.anonymous = src.category == SourceCategory::unnamed_person || src.category == SourceCategory::unnamed_group;
    if (src.category == SourceCategory::named_person || src.category == SourceCategory::named_organization ||
        (src.category == SourceCategory::document && !info.names.empty())) {
      // One entity per name; a document's issuers are its entities.
      int first = -1;
      if (src.category == SourceCategory::document) {
        first = add_entity(mention, SourceCategory::document, "doc:" + std::to_string(mention.start), "", false,
                           info);
        link(first, mention, src);
      }
      for (std::size_t k = 0; k < info.names.size(); ++k) {
        const TokRange n = info.names[k];
        const SourceCategory cat = info.name_categories[k];
        const int e = named(n, cat, info);
        if (first < 0) {
          first = e;
          link(e, ctx_.span(n), src);
        } else {
          src.entities.push_back(e);
          ctx_.out.entities[static_cast<std::size_t>(e)].mentions.push_back(ctx_.span(n));
        }
      }
      if (first < 0) {  // an organisation without a proper name ("the ministry")
        const int e = by_head(info, src.category, mention);
        link(e, mention, src);
      }
      return;
    }
    const int e = by_head(info, src.category, mention);
    link(e, mention, src);
  }

 private:
  void link(int e, core::Span mention, core::Source& src) {
    src.entity = e;
    if (std::find(src.entities.begin(), src.entities.end(), e) == src.entities.end())
      src.entities.insert(src.entities.begin(), e);
    auto& m = ctx_.out.entities[static_cast<std::size_t>(e)].mentions;
    if (std::find(m.begin(), m.end(), mention) == m.end()) m.push_back(mention);
    last_[static_cast<std::size_t>(slot(ctx_.out.entities[static_cast<std::size_t>(e)].category,
                                        known_[static_cast<std::size_t>(e)].plural))] = e;
  }

  static int slot(SourceCategory c, bool plural) {
    switch (c) {
      case SourceCategory::named_person: return plural ? 1 : 0;
      case SourceCategory::unnamed_person: return 0;
      case SourceCategory::unnamed_group: return 1;
      case SourceCategory::named_organization: return 2;
      case SourceCategory::document: return 3;
      default: return 4;
    }
  }

  int antecedent(SourceInfo::Pronoun p) const {
    using P = SourceInfo::Pronoun;
    auto pick = [&](std::initializer_list<int> slots) {
      int best = -1;
      for (int s : slots) {
        const int e = last_[static_cast<std::size_t>(s)];
        if (e >= 0 && (best < 0 || last_pos(e) > last_pos(best))) best = e;
      }
      return best;
    };
    switch (p) {
      case P::person: return last_[0] >= 0 ? last_[0] : -1;
      case P::plural: return pick({1, 2});
      case P::thing: return pick({2, 3});
      case P::relative: return pick({0, 1, 2, 3});
      default: return -1;
    }
  }

  std::size_t last_pos(int e) const {
    const auto& m = ctx_.out.entities[static_cast<std::size_t>(e)].mentions;
    return m.empty() ? 0 : m.back().start;
  }

  int add_entity(core::Span mention, SourceCategory cat, std::string key, std::string head, bool plural,
                 const SourceInfo& info) {
    core::Entity ent;
    ent.name = std::string(ctx_.doc.text().substr(mention.start, mention.end - mention.start));
    ent.category = cat;
    ent.role = info.descriptors.role;
    ctx_.out.entities.push_back(ent);
    known_.push_back({cat, std::move(key), std::move(head), plural});
    return static_cast<int>(ctx_.out.entities.size()) - 1;
  }

  // A named person or body: matched by surname / whole name.
  int named(TokRange n, SourceCategory cat, const SourceInfo& info) {
    const std::string full = std::string(ctx_.doc.text().substr(ctx_.span(n).start, ctx_.span(n).size()));
    const std::string surname = std::string(ctx_.low(n.e - 1));
    const std::string key = cat == SourceCategory::named_person ? surname : std::string(ctx_.doc.lower(n.b)) + full;
    for (std::size_t e = 0; e < known_.size(); ++e) {
      if (known_[e].category != cat) continue;
      const bool match = cat == SourceCategory::named_person ? known_[e].key == surname
                                                             : ctx_.out.entities[e].name == full;
      if (match) {
        auto& ent = ctx_.out.entities[e];
        if (full.size() > ent.name.size()) ent.name = full;  // the fullest mention names it
        if (ent.role.empty()) ent.role = info.descriptors.role;
        return static_cast<int>(e);
      }
    }
    core::Span sp = ctx_.span(n);
    return add_entity(sp, cat, key, "", false, info);
  }

  // Unnamed sources and unnamed bodies: linked by head noun (and affiliation
  // when the new mention gives one).
  int by_head(const SourceInfo& info, SourceCategory cat, core::Span mention) {
    const std::string head = singular(info.head);
    for (std::size_t i = known_.size(); i-- > 0;) {
      const Known& k = known_[i];
      if (k.category != cat || k.head != head || head.empty()) continue;
      const bool plural_group = cat == SourceCategory::unnamed_group || cat == SourceCategory::named_organization;
      if (info.definite || plural_group) {
        const auto& aff = info.descriptors.affiliation;
        const std::string& kaff = k.key;
        if (!aff.empty() && !kaff.empty() && aff != kaff && !info.definite) continue;
        // The most descriptive mention names an unnamed entity.
        auto& ent = ctx_.out.entities[i];
        const std::string m(ctx_.doc.text().substr(mention.start, mention.size()));
        if (m.size() > ent.name.size() && cat != SourceCategory::named_organization) ent.name = m;
        return static_cast<int>(i);
      }
    }
    return add_entity(mention, cat, info.descriptors.affiliation, head, info.plural, info);
  }

  static std::string singular(std::string w) {
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    return w;
  }

  Context& ctx_;
  std::vector<Known> known_;
  std::array<int, 5> last_{-1, -1, -1, -1, -1};
};

}  // namespace

void resolve_entities(Context& ctx) {
  // Mentions in text order: attribution sources and non-response subjects.
  struct Item {
    std::size_t pos;
    int attr;  // >= 0: attribution index
    int nr;    // >= 0: non-response index
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < ctx.out.attributions.size(); ++i)
    if (!ctx.attr_source[i].empty()) items.push_back({ctx.doc.tok(ctx.attr_source[i].b).start, static_cast<int>(i), -1});
  for (std::size_t i = 0; i < ctx.out.non_responses.size(); ++i)
    if (!ctx.nr_who[i].empty()) items.push_back({ctx.doc.tok(ctx.nr_who[i].b).start, -1, static_cast<int>(i)});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.pos < b.pos; });
  Resolver r(ctx);
  for (const Item& it : items) {
    if (it.attr >= 0) r.resolve(ctx.attr_source[static_cast<std::size_t>(it.attr)],
                                *ctx.out.attributions[static_cast<std::size_t>(it.attr)].source);
    else r.resolve(ctx.nr_who[static_cast<std::size_t>(it.nr)], ctx.out.non_responses[static_cast<std::size_t>(it.nr)].who);
  }
}

}  // namespace claimtrail::extract
