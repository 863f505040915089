import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../domain/access/role';
import type { Language } from '../../domain/agency/agency-profile';

/** A person who logs in. An agency user acts for exactly one instansi. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', name: 'agency_code', nullable: true })
  agencyCode: string | null;

  /** The portal language the person chose (it follows them to any browser); null until they choose. */
  @Column({ type: 'text', nullable: true })
  language: Language | null;

  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  /** When the secretariat disabled the account; null while it may sign in. */
  @Column({ type: 'timestamptz', name: 'disabled_at', nullable: true })
  disabledAt: Date | null;

  /** Carried by every token issued; raised by a disable, a forced sign-out or a new password, ending older tokens. */
  @Column({ type: 'integer', name: 'token_version', select: false })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
