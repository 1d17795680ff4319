-- Operations an admin registered for one API key: the key's holder runs them by hash (an allow-list),
-- also when persisted-only mode applies to keyed callers.

-- CreateTable
CREATE TABLE "key_operation" (
    "id" SERIAL NOT NULL,
    "api_key_id" INTEGER NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "document" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "key_operation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "key_operation_api_key_id_hash_key" ON "key_operation"("api_key_id", "hash");

-- CreateIndex
CREATE UNIQUE INDEX "key_operation_api_key_id_name_key" ON "key_operation"("api_key_id", "name");

-- AddForeignKey
ALTER TABLE "key_operation" ADD CONSTRAINT "key_operation_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE CASCADE;
