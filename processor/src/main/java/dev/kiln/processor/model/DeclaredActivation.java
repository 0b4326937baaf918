package dev.kiln.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** An activation annotation as written on a layer method. */
public record DeclaredActivation(ActivationKind kind, AnnotationMirror mirror) {}
