#pragma once

namespace cwb {

class AsyncResultStore;
class MessageSink;
class TargetSource;
namespace jobs {
class JobLauncher;
}

// What every page is given by whoever builds it (the main window, or a test with doubles).
// None is owned by the page. `store` may be null: the page then keeps no history.
struct PageContext
{
    TargetSource *target = nullptr;
    AsyncResultStore *store = nullptr;
    MessageSink *messages = nullptr;
    jobs::JobLauncher *launcher = nullptr;
};

} // namespace cwb
