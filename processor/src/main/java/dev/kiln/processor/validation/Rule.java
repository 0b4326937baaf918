package dev.kiln.processor.validation;

import dev.kiln.processor.model.DeclaredNetwork;

/** One family of checks on a declared network. Rules add problems; they never stop at the first one. */
interface Rule {
  void check(DeclaredNetwork network, ValidationReport report);
}
