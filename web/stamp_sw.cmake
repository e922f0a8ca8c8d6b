# Writes the site's service worker with a build id: a hash of every file it keeps offline, so a
# changed file means a new cache. Run by web/CMakeLists.txt after the app and the page are built:
#   cmake -DSITE=<site dir> -DSOURCE=<web/sw.js> -P stamp_sw.cmake
set(_files index.html openpick.css openpick-page.js openpick-embed-guest.js openpick.js openpick.wasm
           openpick.data favicon.svg datasets/sample.json)
set(_all "")
foreach(f ${_files})
  if(EXISTS ${SITE}/${f})
    file(SHA256 ${SITE}/${f} _h)
    string(APPEND _all "${f}:${_h}\n")
  endif()
endforeach()
string(SHA256 _build "${_all}")
string(SUBSTRING ${_build} 0 16 _build)
file(READ ${SOURCE} _sw)
string(REPLACE "@OPENPICK_BUILD@" "${_build}" _sw "${_sw}")
file(WRITE ${SITE}/sw.js.tmp "${_sw}")
file(RENAME ${SITE}/sw.js.tmp ${SITE}/sw.js)
