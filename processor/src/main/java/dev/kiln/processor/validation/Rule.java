package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;
import dev.kiln.processor.model.Shapes;

/** One family of checks on a declared network and its shapes. Rules add problems; they never stop at the first one. */
interface Rule {
  void check(DeclaredNetwork network, Shapes shapes, ValidationReport report);
}
