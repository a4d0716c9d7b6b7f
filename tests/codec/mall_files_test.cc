// A mall's files, read the one way every part reads them: the demo folder
// whole; a folder with only a programme; a broken file named in the error;
// the same programme from the texts a phone is served.
#include "atrium/codec/mall_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/temp_dir.h"

namespace atrium::codec {
namespace {

const std::string kDemo = std::string(ATRIUM_SHARED_DIR) + "/demo-mall";

TEST(MallFilesTest, TheDemoFolderReadsWhole) {
  StatusOr<MallFiles> files = LoadMallFiles(kDemo);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_FALSE(files->program.car_parks.empty());  // parking.json's
  ASSERT_TRUE(files->map.has_value());
  ASSERT_TRUE(files->map_json.has_value());
  ASSERT_TRUE(files->parking_json.has_value());
  EXPECT_FALSE(files->coupon_names.empty());
  EXPECT_EQ(files->program_json, *ReadJsonFile(kDemo + "/program.json"));
  // The programme file alone reads to the same programme.
  StatusOr<Program> program = LoadProgramFile(kDemo + "/program.json");
  ASSERT_TRUE(program.ok());
  EXPECT_EQ(program->car_parks.size(), files->program.car_parks.size());
  EXPECT_EQ(program->group.malls.size(), files->program.group.malls.size());
}

TEST(MallFilesTest, OnlyTheProgrammeIsRequired) {
  testing::TempDir dir;
  std::filesystem::copy_file(kDemo + "/program.json", dir.File("program.json"));
  StatusOr<MallFiles> files = LoadMallFiles(dir.path());
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_TRUE(files->program.car_parks.empty());
  EXPECT_FALSE(files->map.has_value());
  EXPECT_FALSE(files->parking_json.has_value());
  EXPECT_TRUE(files->coupon_names.empty());
}

TEST(MallFilesTest, ABrokenFileIsNamed) {
  testing::TempDir dir;
  EXPECT_EQ(LoadMallFiles(dir.path()).status().code(), StatusCode::kNotFound);
  std::filesystem::copy_file(kDemo + "/program.json", dir.File("program.json"));
  for (const char* name : {"parking.json", "map.json", "coupons.json"}) {
    std::ofstream(dir.File(name)) << "{not json";
    const Status s = LoadMallFiles(dir.path()).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << name;
    EXPECT_NE(s.message().find(name), std::string::npos) << s.ToString();
    std::filesystem::remove(dir.File(name));
  }
  // A car park of a mall the programme does not have.
  StatusOr<Json> parking = ReadJsonFile(kDemo + "/parking.json");
  ASSERT_TRUE(parking.ok());
  ASSERT_FALSE((*parking)["malls"].empty());
  (*parking)["malls"][0]["mall_id"] = "m-nowhere";
  std::ofstream(dir.File("parking.json")) << parking->dump();
  const Status s = LoadMallFiles(dir.path()).status();
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("parking.json"), std::string::npos)
      << s.ToString();
}

TEST(MallFilesTest, TheTextsAPhoneIsServedGiveTheSameProgramme) {
  StatusOr<Program> from_texts = ProgramFromTexts(
      *ReadFile(kDemo + "/program.json"), *ReadFile(kDemo + "/parking.json"));
  ASSERT_TRUE(from_texts.ok()) << from_texts.status().ToString();
  StatusOr<Program> from_files = LoadProgramFile(kDemo + "/program.json");
  ASSERT_TRUE(from_files.ok());
  EXPECT_EQ(from_texts->car_parks.size(), from_files->car_parks.size());
  EXPECT_EQ(from_texts->tiers.levels.size(), from_files->tiers.levels.size());
  StatusOr<Program> no_parking =
      ProgramFromTexts(*ReadFile(kDemo + "/program.json"), "");
  ASSERT_TRUE(no_parking.ok());
  EXPECT_TRUE(no_parking->car_parks.empty());
  EXPECT_EQ(ProgramFromTexts("{", "").status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium::codec
