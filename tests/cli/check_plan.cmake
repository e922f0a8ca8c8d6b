# openpick plan end to end: the contract's fields, errors, and (when a web build is given) the
# wasm command line under Node printing exactly the same bytes as the native one.
#   cmake -DOPENPICK=... -DSOURCE=... -DWORK=... [-DNODE_CLI=build/web/cli/openpick.js] -P check_plan.cmake
file(MAKE_DIRECTORY ${WORK})
set(profile ${SOURCE}/assets/profiles/seed_delta_img.json)
set(programs ${SOURCE}/assets/datasets/sample.json)

execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${programs} --max-applications 40
                RESULT_VARIABLE rc OUTPUT_VARIABLE native ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "plan failed (${rc}): ${err}")
endif()
foreach(key p_match p_match_one_year p_interview_any expected_interviews cost_usd cost_by_service length_rule
            preferred_share programs excluded curve whatif)
  string(JSON t ERROR_VARIABLE jerr TYPE "${native}" ${key})
  if(jerr)
    message(FATAL_ERROR "plan output has no '${key}': ${jerr}")
  endif()
endforeach()
string(JSON n LENGTH "${native}" programs)
if(NOT n EQUAL 40)
  message(FATAL_ERROR "--max-applications 40 gave ${n} programs")
endif()
foreach(key id p_interview p_match tier signal reasons)
  string(JSON t ERROR_VARIABLE jerr TYPE "${native}" programs 0 ${key})
  if(jerr)
    message(FATAL_ERROR "programs[0] has no '${key}'")
  endif()
endforeach()
message(STATUS "contract fields: ok")

# CSV: a header and one row per program.
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${programs} --max-applications 12 --format csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE csv)
string(REGEX MATCHALL "\n" lines "${csv}")
list(LENGTH lines count)
if(NOT rc EQUAL 0 OR NOT count EQUAL 13 OR NOT csv MATCHES "^order,id,name")
  message(FATAL_ERROR "csv: exit ${rc}, ${count} lines\n${csv}")
endif()
message(STATUS "csv: ok")

# An applicant's own spreadsheet: planned through the automatic mapping, which stderr
# states one line per column; the plan names the ids made from name, specialty and state.
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${SOURCE}/tests/data/good/programs_own_sheet.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE own ERROR_VARIABLE err)
string(FIND "${err}" "programs_own_sheet.csv: column I \"Visa sponsorship\" -> visa\n" at)
string(FIND "${own}" "\"MS-internal-medicine-delta-valley-internal-medicine\"" id_at)
if(NOT rc EQUAL 0 OR at EQUAL -1 OR id_at EQUAL -1)
  message(FATAL_ERROR "own sheet: exit ${rc}; stderr:\n${err}\nstdout:\n${own}")
endif()
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${SOURCE}/assets/templates/programs_template.csv
                RESULT_VARIABLE rc OUTPUT_VARIABLE ignored ERROR_VARIABLE err)
string(FIND "${err}" " -> " at)
if(NOT rc EQUAL 0 OR NOT at EQUAL -1)
  message(FATAL_ERROR "template: exit ${rc}, expected 0 and no mapping lines; stderr:\n${err}")
endif()
message(STATUS "own sheet: ok")

# Errors: exit 1 with the file named, exit 2 for usage.
execute_process(COMMAND ${OPENPICK} plan --profile ${WORK}/missing.json --programs ${programs}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "missing.json: error: cannot read the file")
  message(FATAL_ERROR "missing profile: exit ${rc}\n${err}")
endif()
file(WRITE ${WORK}/bad_profile.json "{\"schema_version\": 1, \"graduate_type\": \"martian\"}")
execute_process(COMMAND ${OPENPICK} plan --profile ${WORK}/bad_profile.json --programs ${programs}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "bad_profile.json:1:[0-9]+: error: graduate_type")
  message(FATAL_ERROR "bad profile: exit ${rc}\n${err}")
endif()
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${programs} --budget lots
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--budget")
  message(FATAL_ERROR "bad budget: exit ${rc}\n${err}")
endif()
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${programs} --min-preferred-share 1.5
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "--min-preferred-share needs a share from 0 to 1")
  message(FATAL_ERROR "bad share: exit ${rc}\n${err}")
endif()
# An unknown application service in the dataset: exit 1, the field named.
file(WRITE ${WORK}/bad_service.json "{\"schema_version\": 1, \"name\": \"d\", \"programs\": [{\"id\": \"A\", \"name\": \"x\", \"specialty\": \"Emergency Medicine\", \"state\": \"MS\", \"application_service\": \"CAS\"}]}")
execute_process(COMMAND ${OPENPICK} plan --profile ${profile} --programs ${WORK}/bad_service.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "programs\\[0\\]\\.application_service: unknown application service \"CAS\"")
  message(FATAL_ERROR "bad service: exit ${rc}\n${err}")
endif()
message(STATUS "errors: ok")

# After interviews: the rank list of the first three programs of the plan.
string(JSON id0 GET "${native}" programs 0 id)
string(JSON id1 GET "${native}" programs 1 id)
string(JSON id2 GET "${native}" programs 2 id)
execute_process(COMMAND ${OPENPICK} ranklist --profile ${profile} --programs ${programs} ${id0} ${id1} ${id2}
                RESULT_VARIABLE rc OUTPUT_VARIABLE ranked ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ranklist failed (${rc}): ${err}")
endif()
string(JSON p GET "${ranked}" p_match)
string(JSON advice GET "${ranked}" advice)
if(p LESS_EQUAL 0 OR p GREATER 1 OR NOT advice MATCHES "truly prefer")
  message(FATAL_ERROR "ranklist: p_match ${p}, advice ${advice}")
endif()
execute_process(COMMAND ${OPENPICK} ranklist --profile ${profile} --programs ${programs} NO-SUCH-ID
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "no program with id 'NO-SUCH-ID'")
  message(FATAL_ERROR "ranklist unknown id: exit ${rc}\n${err}")
endif()
message(STATUS "ranklist: ok")

if(NODE_CLI)
  execute_process(COMMAND node --no-experimental-fetch ${NODE_CLI} plan --profile ${profile} --programs ${programs}
                          --max-applications 40
                  RESULT_VARIABLE rc OUTPUT_VARIABLE wasm ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "wasm plan failed (${rc}): ${err}")
  endif()
  if(NOT wasm STREQUAL native)
    file(WRITE ${WORK}/native.json "${native}")
    file(WRITE ${WORK}/wasm.json "${wasm}")
    message(FATAL_ERROR "wasm output differs from native: compare ${WORK}/native.json and ${WORK}/wasm.json")
  endif()
  message(STATUS "wasm under Node prints the same bytes: ok")
endif()
