# `openpick` with a workspace (issues 14 and 15): validate, plan --workspace, ranklist --workspace,
# workspace merge. Each check compares with the same command without the workspace, or with a line
# worked out from the documents written here.
# cmake -DOPENPICK=<exe> -DSOURCE=<repo> -DDATA=<tests/data> -DWORK=<scratch dir> -P check_workspace.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(PROFILE ${SOURCE}/assets/profiles/seed_delta_img.json)
set(SAMPLE ${SOURCE}/assets/datasets/sample.json)
set(EXAMPLE ${SOURCE}/assets/workspaces/seed_delta_img_workspace.json)
file(READ ${PROFILE} profile_json)

function(run name expected_rc)
  execute_process(COMMAND ${OPENPICK} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "${name}: exit ${rc}, expected ${expected_rc}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_in name haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${name}: lacks '${needle}' in:\n${haystack}")
  endif()
endfunction()

function(expect_not_in name haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${name}: has '${needle}' in:\n${haystack}")
  endif()
endfunction()

# --- validate knows a workspace by its kind --------------------------------------------------------
run("validate example" 0 validate ${EXAMPLE})
expect_in("validate example" "${err}" "ok: workspace with a profile, 2 research entries, 1 added program, 4 tracked programs")
run("validate newer workspace" 1 validate ${DATA}/bad/workspace_schema_newer.json)
expect_in("validate newer workspace" "${out}"
          "workspace_schema_newer.json:2:21: error: schema_version: schema_version 2 is newer than this OpenPick reads (1)")
run("validate wrong kind" 1 validate ${DATA}/bad/workspace_wrong_kind.json)
expect_in("validate wrong kind" "${out}" "error: kind: expected \"openpick-workspace\", got \"openpick-dataset\"")

# --- plan --workspace with only a profile plans exactly as plan --profile ---------------------------
file(WRITE ${WORK}/profile_only.json "{\"schema_version\": 1, \"kind\": \"openpick-workspace\", \"profile\": ${profile_json}}")
run("plan --profile" 0 plan --profile ${PROFILE} --programs ${SAMPLE})
set(plain "${out}")
run("plan --workspace profile only" 0 plan --workspace ${WORK}/profile_only.json --programs ${SAMPLE})
if(NOT out STREQUAL plain)
  message(FATAL_ERROR "plan --workspace with only the profile differs from plan --profile")
endif()
message(STATUS "plan --workspace (profile only) == plan --profile: ok")

# --- research, hidden and notes ----------------------------------------------------------------------
# The plain plan applies to SAMPLE-FM-AR-008 (a J-1 program) and excludes SAMPLE-IM-MS-004 for its
# attempt limit. The workspace says FM-AR-008 takes no J-1 and hides IM-MS-004.
expect_in("plain plan" "${plain}" "\"id\": \"SAMPLE-FM-AR-008\",\n      \"name\"")
expect_in("plain plan" "${plain}" "SAMPLE-IM-MS-004")
file(WRITE ${WORK}/research.json "{\"schema_version\": 1, \"kind\": \"openpick-workspace\", \"profile\": ${profile_json},
 \"research\": {\"SAMPLE-FM-AR-008\": {\"visa\": {\"j1\": false}, \"sources\": [{\"what\": \"visa.j1\", \"date\": \"2026-09-01\"}]},
              \"NO-SUCH-ID\": {\"rural\": true}},
 \"hidden\": [\"SAMPLE-IM-MS-004\"],
 \"tracker\": {\"GONE-ID\": {\"status\": \"applied\"}}}")
run("plan --workspace research" 0 plan --workspace ${WORK}/research.json --programs ${SAMPLE})
expect_in("plan --workspace research" "${out}"
          "\"id\": \"SAMPLE-FM-AR-008\",\n      \"reason\": \"needs a J-1 visa; program does not accept J-1\"")
expect_not_in("plan --workspace research" "${out}" "SAMPLE-IM-MS-004")
expect_in("plan --workspace research" "${err}"
          "research.json: note: research for \"NO-SUCH-ID\" (rural): no program with this id in the loaded list; kept in your workspace")
expect_in("plan --workspace research" "${err}"
          "research.json: note: tracker: \"GONE-ID\" (applied) is not in the loaded list; kept in your workspace")
run("plan --profile and --workspace" 2 plan --profile ${PROFILE} --workspace ${WORK}/research.json --programs ${SAMPLE})
expect_in("plan --profile and --workspace" "${err}" "--profile and --workspace both give a profile")
file(WRITE ${WORK}/no_profile.json "{\"schema_version\": 1, \"kind\": \"openpick-workspace\"}")
run("plan --workspace without a profile" 1 plan --workspace ${WORK}/no_profile.json --programs ${SAMPLE})
expect_in("plan --workspace without a profile" "${err}" "no_profile.json: error: profile: the workspace holds no profile")

# --- ranklist --workspace: the tracker's order, same JSON as ranklist with the IDs ----------------------
file(WRITE ${WORK}/tracker.json "{\"schema_version\": 1, \"kind\": \"openpick-workspace\", \"profile\": ${profile_json},
 \"tracker\": {\"SAMPLE-IM-MS-001\": {\"status\": \"ranked\", \"rank\": 2},
              \"SAMPLE-IM-MS-002\": {\"status\": \"interviewed\", \"rank\": 1},
              \"SAMPLE-IM-MS-003\": {\"status\": \"interviewed\"},
              \"SAMPLE-IM-MS-005\": {\"status\": \"rejected\"}}}")
run("ranklist by IDs" 0 ranklist --profile ${PROFILE} --programs ${SAMPLE} SAMPLE-IM-MS-002 SAMPLE-IM-MS-001 SAMPLE-IM-MS-003)
set(by_ids "${out}")
run("ranklist --workspace" 0 ranklist --workspace ${WORK}/tracker.json --programs ${SAMPLE})
if(NOT out STREQUAL by_ids)
  message(FATAL_ERROR "ranklist --workspace differs from ranklist with the IDs in rank order\n${out}\n---\n${by_ids}")
endif()
expect_in("ranklist --workspace" "${err}" "tracker.json: note: no rank yet for \"SAMPLE-IM-MS-003\" (interviewed)")
run("ranklist --workspace, nothing interviewed" 1 ranklist --workspace ${WORK}/profile_only.json --programs ${SAMPLE})
expect_in("ranklist --workspace, nothing interviewed" "${err}" "no program of")
message(STATUS "ranklist --workspace == ranklist in the tracker's rank order: ok")

# --- workspace merge ------------------------------------------------------------------------------------
file(WRITE ${WORK}/theirs.json "{\"schema_version\": 1, \"kind\": \"openpick-workspace\",
 \"research\": {\"SAMPLE-IM-MS-003\": {\"visa\": {\"h1b\": true}, \"img_share_non_us\": 0.4,
   \"sources\": [{\"what\": \"visa.h1b\", \"date\": \"2026-10-01\", \"by\": \"classmate\"},
                 {\"what\": \"img_share_non_us\", \"date\": \"2026-07-01\", \"by\": \"classmate\"}]}}}")
run("merge" 0 workspace merge ${EXAMPLE} ${WORK}/theirs.json)
file(WRITE ${WORK}/merged.json "${out}")
# visa.h1b: theirs 2026-10-01 is newer than the example's 2026-08-14 ("visa" source): theirs wins.
# img_share_non_us: theirs 2026-07-01 is older than 2026-08-14: the example's 0.55 stays.
expect_in("merge" "${err}"
          "merge: research \"SAMPLE-IM-MS-003\" visa.h1b: theirs, true (dated 2026-10-01), is newer than yours, false (dated 2026-08-14): theirs is used")
expect_in("merge" "${err}"
          "merge: research \"SAMPLE-IM-MS-003\" img_share_non_us: kept yours, 0.55 (dated 2026-08-14); theirs says 0.4 (dated 2026-07-01): yours is newer")
run("merged validates" 0 validate ${WORK}/merged.json)
run("merge, bad file" 1 workspace merge ${EXAMPLE} ${DATA}/bad/workspace_unknown_status.json)
run("merge, one file" 2 workspace merge ${EXAMPLE})

# --- help texts name the workspace --------------------------------------------------------------------
run("plan --help" 0 plan --help)
expect_in("plan --help" "${out}" "--workspace W.json")
run("ranklist --help" 0 ranklist --help)
expect_in("ranklist --help" "${out}" "--workspace W.json")
run("workspace --help" 0 workspace --help)
expect_in("workspace --help" "${out}" "openpick workspace merge MINE.json THEIRS.json")
run("--help" 0 --help)
expect_in("--help" "${out}" "workspace")
message(STATUS "workspace commands: ok")
