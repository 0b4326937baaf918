package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.Member;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * The generated model's side of {@code @Block} members: for each use of a block, an object implementing
 * the block's interface whose methods return the layers of that use ({@code model.block1().conv1()} is
 * the layer {@code block1.conv1}), nested blocks in turn.
 */
final class BlockViews {
  private static final String BLOCK = "dev.kiln.dsl.Block";

  private BlockViews() {}

  /** Whether a member's method returns a {@code @Block} interface rather than a layer. */
  static boolean returnsBlock(ExecutableElement method) {
    return block(method) != null;
  }

  private static TypeElement block(ExecutableElement method) {
    if (!(method.getReturnType() instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement element)) {
      return null;
    }
    return element.getAnnotationMirrors().stream()
        .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(BLOCK))
        ? element : null;
  }

  /** A field and an overriding getter for each block the model's methods return. */
  static void addTo(TypeSpec.Builder type, TypeElement model) {
    for (ExecutableElement method : ElementFilter.methodsIn(model.getEnclosedElements())) {
      TypeElement block = method.getModifiers().contains(Modifier.ABSTRACT) ? block(method) : null;
      if (block == null) continue;
      String name = method.getSimpleName().toString();
      // Not `name` itself: an activation on the member is a layer of that name.
      type.addField(FieldSpec.builder(TypeName.get(block.asType()), name + "Block", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("The layers of $L, as $T declares them.\n", name, block)
          .initializer(view(block, name))
          .build());
      type.addMethod(MethodSpec.methodBuilder(name)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.get(block.asType()))
          .addStatement("return $LBlock", name)
          .build());
    }
  }

  /** An object implementing {@code block} for its use at {@code path}. */
  private static CodeBlock view(TypeElement block, String path) {
    TypeSpec.Builder view = TypeSpec.anonymousClassBuilder("").addSuperinterface(TypeName.get(block.asType()));
    for (ExecutableElement method : ElementFilter.methodsIn(block.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) continue;
      String inner = path + "." + method.getSimpleName();
      TypeElement nested = block(method);
      view.addMethod(MethodSpec.methodBuilder(method.getSimpleName().toString())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.get(method.getReturnType()))
          .addStatement("return $L", nested == null ? Member.identifier(inner) : view(nested, inner))
          .build());
    }
    return CodeBlock.of("$L", view.build());
  }
}
