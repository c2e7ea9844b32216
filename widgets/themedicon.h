#pragma once

#include <QIcon>
#include <QString>

namespace cwb {

// One of our line icons (":/icons/<name>.svg"), drawn in the palette's text colour at paint
// time: the SVGs are single-colour black, which would vanish on a dark palette, so the
// colour is taken from the application palette whenever a pixmap is requested. Disabled and
// selected states use the matching palette roles.
QIcon themedIcon(const QString &name);

// The coloured application icon.
QIcon applicationIcon();

} // namespace cwb
