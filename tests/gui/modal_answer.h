// Answers the next modal QMessageBox (the host-key question) with `answer`
// once it shows, keeping its text in `*text` when given; a modal exec()
// blocks the test, so a timer polls for it, for at most `seconds`.
#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

inline void answerNextQuestion(
    QObject *owner, QMessageBox::StandardButton answer, QString *text = nullptr, int seconds = 60)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(50);
    int tries = 0;
    QObject::connect(timer, &QTimer::timeout, owner, [timer, answer, text, tries, seconds]() mutable {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            if (text)
                *text = box->text();
            QTest::mouseClick(box->button(answer), Qt::LeftButton);
        }
        if (box || ++tries > seconds * 20) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}
