// The translation unit that builds the tests' shared precompiled headers (see CMakeLists.txt).
