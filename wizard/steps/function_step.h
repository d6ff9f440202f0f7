// A step made of one function, for the pages' small jobs (list the
// accounts, add one, remove one) that are not steps of a plan file: the
// StepDriver runs it on the session's thread like any step. It plans no
// changes of its own; the function says in its log what it changed.
#pragma once

#include "steps/step.h"

#include <functional>
#include <utility>

namespace postwr::steps {

class FunctionStep : public Step {
public:
    using Body = std::function<wizard::Status(StepContext &)>;

    FunctionStep(QString name, QString title, Body body)
        : m_name(std::move(name))
        , m_title(std::move(title))
        , m_body(std::move(body))
    {
    }

    QString name() const override { return m_name; }
    QString title() const override { return m_title; }
    wizard::Result<QStringList> plan(StepContext &) override { return QStringList(); }
    wizard::Status run(StepContext &context) override { return m_body(context); }

private:
    QString m_name;
    QString m_title;
    Body m_body;
};

} // namespace postwr::steps
