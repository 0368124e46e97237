package pm.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/**
 * Build step, not part of pm.jar: rewrites the string concatenations of the libraries in the shaded jar
 * (flexmark and JGit are compiled for Java 11 and 17, so {@code a + b} is an {@code invokedynamic} of
 * {@code StringConcatFactory}) as {@code StringBuilder} calls, as pm's own code is compiled
 * ({@code -XDstringConcat=inline}). Each such call site spins method-handle classes the first time it runs,
 * which a class-data archive does not keep: about 60 of them, tens of milliseconds, on every cold
 * {@code pm lint}. The result is the same string. Every rewritten method is checked with ASM's verifier.
 *
 * <p>Usage: {@code InlineStringConcat JAR PREFIX...}: classes whose names start with a PREFIX are rewritten.
 */
public final class InlineStringConcat {
    private static final String FACTORY = "java/lang/invoke/StringConcatFactory";
    private static final String SB = "java/lang/StringBuilder";

    private InlineStringConcat() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".inline.tmp");
        int classes = 0;
        int sites = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                String name = e.getName();
                if (name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith)) {
                    int[] count = {0};
                    byte[] rewritten = rewrite(bytes, count);
                    if (count[0] > 0) {
                        bytes = rewritten;
                        classes++;
                        sites += count[0];
                    }
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("inline string concatenation: " + sites + " call sites in " + classes + " classes");
    }

    static byte[] rewrite(byte[] bytes, int[] count) throws AnalyzerException {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        List<MethodNode> changed = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            if (m.instructions == null || m.instructions.size() == 0) {
                continue;
            }
            boolean any = false;
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(FACTORY)) {
                    InsnList code = inline(m, indy);
                    if (code != null) {
                        m.instructions.insert(indy, code);
                        m.instructions.remove(indy);
                        count[0]++;
                        any = true;
                    }
                }
            }
            if (any) {
                changed.add(m);
            }
        }
        if (changed.isEmpty()) {
            return bytes;
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        byte[] out = cw.toByteArray();
        // check the rewritten methods' stacks and locals
        ClassNode check = new ClassNode();
        new ClassReader(out).accept(check, 0);
        for (MethodNode m : check.methods) {
            for (MethodNode c : changed) {
                if (c.name.equals(m.name) && c.desc.equals(m.desc)) {
                    new Analyzer<>(new BasicVerifier()).analyze(check.name, m);
                }
            }
        }
        return out;
    }

    /** The StringBuilder code for one call site, or null to leave it (a constant that is not a string). */
    private static InsnList inline(MethodNode m, InvokeDynamicInsnNode indy) {
        Type[] args = Type.getArgumentTypes(indy.desc);
        String recipe;
        Object[] constants;
        if (indy.name.equals("makeConcatWithConstants")) {
            recipe = (String) indy.bsmArgs[0];
            constants = java.util.Arrays.copyOfRange(indy.bsmArgs, 1, indy.bsmArgs.length);
        } else if (indy.name.equals("makeConcat")) {
            recipe = "\u0001".repeat(args.length);
            constants = new Object[0];
        } else {
            return null;
        }
        for (Object c : constants) {
            if (!(c instanceof String)) {
                return null;
            }
        }
        if (!Type.getReturnType(indy.desc).getDescriptor().equals("Ljava/lang/String;")) {
            return null;
        }
        InsnList code = new InsnList();
        // the arguments, on the stack in order, go to new locals: the builder has to be under them
        int[] slots = new int[args.length];
        int next = m.maxLocals;
        for (int i = 0; i < args.length; i++) {
            slots[i] = next;
            next += args[i].getSize();
        }
        m.maxLocals = next;
        for (int i = args.length - 1; i >= 0; i--) {
            code.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));
        }
        code.add(new TypeInsnNode(Opcodes.NEW, SB));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, SB, "<init>", "()V", false));
        StringBuilder literal = new StringBuilder();
        int arg = 0;
        int constant = 0;
        for (int i = 0; i < recipe.length(); i++) {
            char ch = recipe.charAt(i);
            if (ch == '\u0001' || ch == '\u0002') {
                flush(code, literal);
                if (ch == '\u0001') {
                    Type t = args[arg];
                    code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slots[arg]));
                    code.add(append(appendType(t)));
                    arg++;
                } else {
                    code.add(new LdcInsnNode(constants[constant++]));
                    code.add(append("Ljava/lang/String;"));
                }
            } else {
                literal.append(ch);
            }
        }
        flush(code, literal);
        if (arg != args.length || constant != constants.length) {
            throw new IllegalStateException("recipe does not match the call site in " + m.name + m.desc);
        }
        code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false));
        return code;
    }

    private static void flush(InsnList code, StringBuilder literal) {
        if (literal.length() > 0) {
            code.add(new LdcInsnNode(literal.toString()));
            code.add(append("Ljava/lang/String;"));
            literal.setLength(0);
        }
    }

    /** The StringBuilder.append overload that gives what String.valueOf gives for a value of this type. */
    private static String appendType(Type t) {
        return switch (t.getSort()) {
            case Type.BOOLEAN -> "Z";
            case Type.CHAR -> "C";
            case Type.BYTE, Type.SHORT, Type.INT -> "I";
            case Type.LONG -> "J";
            case Type.FLOAT -> "F";
            case Type.DOUBLE -> "D";
            default -> t.getDescriptor().equals("Ljava/lang/String;") ? "Ljava/lang/String;" : "Ljava/lang/Object;";
        };
    }

    private static MethodInsnNode append(String type) {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, SB, "append", "(" + type + ")L" + SB + ";", false);
    }
}
