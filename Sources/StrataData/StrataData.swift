// Reading and writing: dataset formats, validation, session store (SPEC §1).
import StrataCore
