package io.unlearn.cli;

import io.unlearn.schemas.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unlearn keys generate}: an Ed25519 key pair for a requester (signing requests), a worker or an evaluator (their
 * {@code signing.key.file}): {@code <out>/<name>.key} (PKCS#8 PEM, owner-only) and {@code <out>/<name>.pub} (X.509
 * SubjectPublicKeyInfo PEM, to hand to ingest's {@code signing.public.keys.dir} or to auditors). Prints the key id.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Ed25519 signing keys.", subcommands = {KeysCommand.Generate.class})
final class KeysCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true, description = {
            "Writes a new Ed25519 key pair: <out>/<name>.key (private, PKCS#8 PEM, owner-only) and <out>/<name>.pub (public, X.509 PEM).",
            "A requester signs with `unlearn request ... --sign-key <name>.key`; ingest trusts <name>.pub placed in signing.public.keys.dir"
                    + " as <requester>.pub. A worker or evaluator signs with signing.key.file=<name>.key; auditors pass <name>.pub to"
                    + " `unlearn audit replay --worker-keys / --evaluator-keys`."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", description = "Directory to write the two files into (default: ${DEFAULT-VALUE}).")
        Path out = Path.of(".unlearn/keys");

        @Option(names = "--name", required = true, description = "File name of the pair, e.g. the requester's name (bank), worker or evaluator.")
        String name;

        @Option(names = "--force", description = "Overwrite an existing pair (whatever it signed can then no longer be verified with it).")
        boolean force;

        @Override
        public Integer call() {
            if (name.isBlank() || name.contains("/") || name.contains("\\")) {
                throw new CliException("--name '" + name + "' must be a plain file name");
            }
            Path priv = out.resolve(name + ".key");
            Path pub = out.resolve(name + ".pub");
            if (!force && (Files.exists(priv) || Files.exists(pub))) {
                throw new CliException(priv + " or " + pub + " already exists; choose another --name or --out, or pass --force");
            }
            KeyPair pair = SigningKeys.generate();
            try {
                SigningKeys.write(pair, priv, pub);
            } catch (IOException e) {
                throw new CliException("cannot write the key pair under " + out + ": " + e.getMessage());
            }
            System.out.println("key id " + SigningKeys.keyId(pair.getPublic()));
            System.out.println("private " + priv.toAbsolutePath() + " (keep it secret)");
            System.out.println("public  " + pub.toAbsolutePath());
            return 0;
        }
    }
}
