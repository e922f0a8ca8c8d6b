// The names the JSON and CSV forms give enum values: one table per enum, used by both readers,
// the writers and to_string (io.h). Private to core (not installed).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io_text.h"
#include "openpick/core/profile.h"
#include "openpick/core/program.h"

namespace openpick::core::detail {

template <class E>
struct EnumName {
  E value;
  std::string_view name;
};
template <class E>
struct EnumTable;  // specialised below: static constexpr items[], and a noun for messages

template <>
struct EnumTable<GraduateType> {
  static constexpr EnumName<GraduateType> items[] = {{GraduateType::NonUsImg, "non_us_img"},
                                                     {GraduateType::UsImg, "us_img"},
                                                     {GraduateType::UsMd, "us_md"},
                                                     {GraduateType::UsDo, "us_do"}};
  static constexpr std::string_view noun = "graduate type";
};
template <>
struct EnumTable<VisaNeed> {
  static constexpr EnumName<VisaNeed> items[] = {
      {VisaNeed::None, "none"}, {VisaNeed::J1, "j1"}, {VisaNeed::H1b, "h1b"}, {VisaNeed::J1OrH1b, "j1_or_h1b"}};
  static constexpr std::string_view noun = "visa need";
};
template <>
struct EnumTable<ExamResult> {
  static constexpr EnumName<ExamResult> items[] = {
      {ExamResult::Pass, "pass"}, {ExamResult::Fail, "fail"}, {ExamResult::NotTaken, "not_taken"}};
  static constexpr std::string_view noun = "exam result";
};
template <>
struct EnumTable<TieKind> {
  static constexpr EnumName<TieKind> items[] = {
      {TieKind::Trained, "trained"}, {TieKind::Lived, "lived"}, {TieKind::Family, "family"}};
  static constexpr std::string_view noun = "kind of tie";
};
template <>
struct EnumTable<Track> {
  static constexpr EnumName<Track> items[] = {
      {Track::Categorical, "categorical"}, {Track::Preliminary, "preliminary"},  {Track::Transitional, "transitional"},
      {Track::Advanced, "advanced"},       {Track::PrimaryCare, "primary_care"}, {Track::Physician, "physician"}};
  static constexpr std::string_view noun = "track";
};
template <>
struct EnumTable<Setting> {
  static constexpr EnumName<Setting> items[] = {{Setting::University, "university"},
                                                {Setting::UniversityAffiliated, "university_affiliated"},
                                                {Setting::Community, "community"}};
  static constexpr std::string_view noun = "setting";
};

template <>
struct EnumTable<ApplicationService> {
  static constexpr EnumName<ApplicationService> items[] = {{ApplicationService::Eras, "ERAS"},
                                                           {ApplicationService::ResidencyCas, "ResidencyCAS"}};
  static constexpr std::string_view noun = "application service";
};

template <class E>
std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& item : EnumTable<E>::items)
    if (item.name == name) return item.value;
  return std::nullopt;
}

template <class E>
std::vector<std::string_view> enum_names() {
  std::vector<std::string_view> out;
  for (const auto& item : EnumTable<E>::items) out.push_back(item.name);
  return out;
}

template <class E>
std::string unknown_enum_message(std::string_view got) {
  std::string msg = "unknown " + std::string(EnumTable<E>::noun) + " \"" + std::string(got) + "\"; expected one of " +
                    join_names(enum_names<E>());
  const std::string guess = closest_name(got, enum_names<E>());
  if (!guess.empty()) msg += " (did you mean \"" + guess + "\"?)";
  return msg;
}

}  // namespace openpick::core::detail
